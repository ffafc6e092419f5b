namespace EcomOrleans.Merchandising.Restock;

/// <summary>What a SKU's restock decisions take besides its stock and forecast: supplier, calendar, targets, money.</summary>
public sealed record RestockSettings
{
    /// <summary>Days from placing an order to its units being on hand (0 or more).</summary>
    public required int LeadTimeDays { get; init; }

    /// <summary>Days between reviews, each of which may place an order (1 or more; 1 is daily review). Default 7.</summary>
    public int ReviewPeriodDays { get; init; } = 7;

    /// <summary>
    /// Target cycle service level for <see cref="RestockPolicyKind.OrderUpTo"/>: the probability that demand over a
    /// protection interval stays within the order-up-to level, strictly between 0 and 1. Default 0.95.
    /// </summary>
    public double ServiceLevel { get; init; } = 0.95;

    /// <summary>Selling price per unit (currency units, 0 or more). Used by the newsvendor only. Default 0.</summary>
    public double UnitPrice { get; init; }

    /// <summary>Purchase cost per unit (currency units, 0 or more). Used by the newsvendor only. Default 0.</summary>
    public double UnitCost { get; init; }

    /// <summary>Cost of holding a unit for a year, as a fraction of its unit cost (0 or more). Default 0.25.</summary>
    public double HoldingCostRate { get; init; } = 0.25;

    /// <summary>How the order-up-to level is set. Default <see cref="RestockPolicyKind.OrderUpTo"/>.</summary>
    public RestockPolicyKind Policy { get; init; } = RestockPolicyKind.OrderUpTo;

    /// <summary>
    /// Days of cover above this many protection intervals (lead time + review period) is
    /// <see cref="RestockUrgency.Overstocked"/> (1 or more). Default 4.
    /// </summary>
    public double OverstockMultiple { get; init; } = 4;

    /// <summary>Lead time plus review period, in days: what one order has to cover until the next one lands.</summary>
    public int ProtectionDays => LeadTimeDays + ReviewPeriodDays;
}
