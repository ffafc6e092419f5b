namespace EcomOrleans.Merchandising.Restock;

/// <summary>How a restock decision sets the level it orders up to.</summary>
public enum RestockPolicyKind
{
    /// <summary>
    /// Periodic review (R, S): order up to S = demand over the lead time plus the review period, plus the safety stock
    /// that the target cycle service level asks for. The default.
    /// </summary>
    OrderUpTo,

    /// <summary>
    /// Periodic review with S at the newsvendor's critical ratio: the demand quantile where the margin lost by one unit
    /// short equals the cost of carrying one unit too many for a review period.
    /// </summary>
    Newsvendor,
}
