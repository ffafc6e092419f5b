namespace EcomOrleans.Merchandising.Pricing;

/// <summary>The guardrail that set the suggested price, when the margin-optimal price lay outside the allowed band.</summary>
public enum PriceGuardrail
{
    /// <summary>None bound: the suggestion is the margin-optimal price (to the cent).</summary>
    None,

    /// <summary>The largest step up, p0·(1 + MaxChange).</summary>
    MaxIncrease,

    /// <summary>The largest step down, p0·(1 − MaxChange).</summary>
    MaxDecrease,

    /// <summary>The lowest price with the minimum margin, cost / (1 − MinimumMargin).</summary>
    MinimumMargin,

    /// <summary>No markdown while days of cover are at or below the target: the floor is the current price.</summary>
    NoMarkdownAtCover,
}
