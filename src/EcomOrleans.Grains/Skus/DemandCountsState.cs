using EcomOrleans.Events;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>Mutable demand counts, as persisted; <see cref="ToCounts"/> gives the wire record.</summary>
[GenerateSerializer, Alias("ecom.DemandCountsState")]
public sealed class DemandCountsState
{
    [Id(0)] public DateTimeOffset Start { get; set; }

    [Id(1)] public long Views { get; set; }

    [Id(2)] public long Clicks { get; set; }

    [Id(3)] public long Carts { get; set; }

    [Id(4)] public long Purchases { get; set; }

    [Id(5)] public long Units { get; set; }

    [Id(6)] public decimal Revenue { get; set; }

    /// <summary>Views while the SKU had no stock: the demand that found none, from which lost units are estimated.</summary>
    [Id(7)] public long OutOfStockViews { get; set; }

    public void Add(EventKind kind, int quantity, decimal unitPrice)
    {
        switch (kind)
        {
            case EventKind.View: Views++; break;
            case EventKind.Click: Clicks++; break;
            case EventKind.AddToCart: Carts++; break;
            case EventKind.Purchase:
                Purchases++;
                Units += quantity;
                Revenue += quantity * unitPrice;
                break;
        }
    }

    public DemandCounts ToCounts() => new(Views, Clicks, Carts, Purchases, Units, Revenue, OutOfStockViews);
}
