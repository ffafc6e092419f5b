namespace EcomOrleans.Merchandising.Pricing;

/// <summary>The limits a price suggestion must respect.</summary>
/// <param name="MaxChange">
/// The largest move in one step as a fraction of the current price: the suggestion lies in
/// [p0·(1 − MaxChange), p0·(1 + MaxChange)]. Strictly between 0 and 1; default 0.10.
/// </param>
/// <param name="MinimumMargin">
/// The smallest gross margin as a fraction of the suggested price: (p − cost) / p ≥ MinimumMargin, i.e.
/// p ≥ cost / (1 − MinimumMargin). At least 0 and below 1; default 0.15 (15 % of price, 17.6 % over cost).
/// </param>
public sealed record PriceGuardrails(double MaxChange = 0.10, double MinimumMargin = 0.15)
{
    /// <summary>Throws when a limit is out of its range.</summary>
    public void Validate()
    {
        if (!(MaxChange > 0 && MaxChange < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxChange), MaxChange, "The maximum change must be strictly between 0 and 1.");
        }

        if (!(MinimumMargin >= 0 && MinimumMargin < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumMargin), MinimumMargin, "The minimum margin must be at least 0 and below 1.");
        }
    }
}
