namespace EcomOrleans.Merchandising.Pricing;

/// <summary>What <see cref="ElasticityEstimator"/> controls for and how wide its interval is.</summary>
/// <param name="Seasonality">Seasonal dummies in the fit; default <see cref="Pricing.Seasonality.None"/>.</param>
/// <param name="PromotionInteraction">
/// Whether promoted periods get their own price slope (a promotion × log-price column); default false. When true the
/// reported elasticity is the slope in periods without promotion.
/// </param>
/// <param name="ConfidenceLevel">Two-sided level of the elasticity's interval, strictly between 0 and 1; default 0.9.</param>
public sealed record ElasticityOptions(Seasonality Seasonality = Seasonality.None, bool PromotionInteraction = false, double ConfidenceLevel = 0.9)
{
    /// <summary>Throws when <see cref="ConfidenceLevel"/> is not strictly between 0 and 1.</summary>
    public void Validate()
    {
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "The confidence level must be strictly between 0 and 1.");
        }
    }
}
