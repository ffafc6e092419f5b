namespace EcomOrleans.Skus;

/// <summary>The wire names of a restock decision's urgency (<see cref="RestockAdvice.Urgency"/>, <see cref="SkuStanding.Urgency"/>).</summary>
public static class RestockUrgencies
{
    /// <summary>Nothing on hand.</summary>
    public const string OutOfStock = "out_of_stock";

    /// <summary>Days of cover under the lead time: it runs out before an order placed now lands.</summary>
    public const string Critical = "critical";

    /// <summary>The stock is at or under the reorder point.</summary>
    public const string Reorder = "reorder";

    public const string Healthy = "healthy";

    public const string Overstocked = "overstocked";
}
