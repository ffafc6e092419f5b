namespace EcomOrleans.Merchandising.Pricing;

/// <summary>What a price suggestion came to.</summary>
public enum PriceSuggestionOutcome
{
    /// <summary>A new price is suggested.</summary>
    Changed,

    /// <summary>The current price is already the margin-optimal one (to the cent) inside the guardrails.</summary>
    AlreadyOptimal,

    /// <summary>The guardrails leave no better price: the best allowed one is the current price, or no cent satisfies them all.</summary>
    NoAllowedMove,

    /// <summary>The elasticity's interval includes 0, so the data do not show that price moves units.</summary>
    IntervalIncludesZero,

    /// <summary>The elasticity is significantly positive: the constant-elasticity demand model does not apply.</summary>
    ElasticityNotNegative,

    /// <summary>No units are expected at the current price, so no price changes the margin.</summary>
    NoDemand,
}
