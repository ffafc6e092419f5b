namespace EcomOrleans.Skus;

/// <summary>Demand counted over some span.</summary>
/// <param name="Purchases">Purchase events.</param>
/// <param name="Units">Units bought across those purchases.</param>
/// <param name="Revenue">Units times unit price, in the store's currency.</param>
/// <param name="OutOfStockViews">Views while the SKU had no stock on hand.</param>
[GenerateSerializer, Immutable, Alias("ecom.DemandCounts")]
public sealed record DemandCounts(
    [property: Id(0)] long Views,
    [property: Id(1)] long Clicks,
    [property: Id(2)] long Carts,
    [property: Id(3)] long Purchases,
    [property: Id(4)] long Units,
    [property: Id(5)] decimal Revenue,
    [property: Id(6)] long OutOfStockViews = 0)
{
    public static DemandCounts Zero { get; } = new(0, 0, 0, 0, 0, 0m, 0);
}
