namespace EcomOrleans.Merchandising.Pricing;

/// <summary>The elasticity a price decision uses, with its interval and where it came from.</summary>
/// <param name="Elasticity">b: percent change in units per percent change in price (negative for normal goods).</param>
/// <param name="StandardError">The standard error (own fit) or posterior standard deviation (shrunk, prior only) of b.</param>
/// <param name="Lower">Lower end of the interval at <paramref name="ConfidenceLevel"/>.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="ConfidenceLevel">The interval's two-sided level, e.g. 0.9.</param>
/// <param name="OwnWeight">w, the weight of the SKU's own estimate: 1 for <see cref="ElasticitySource.Own"/>, 0 for the prior alone.</param>
/// <param name="Source">Own fit, shrunk, or category prior alone.</param>
/// <param name="Own">The SKU's own fit; null when its data could not be fitted.</param>
/// <param name="Reason">One line saying how the estimate was made.</param>
public sealed record ElasticityEstimate(
    double Elasticity, double StandardError, double Lower, double Upper, double ConfidenceLevel, double OwnWeight, ElasticitySource Source, ElasticityFit? Own,
    string Reason)
{
    /// <summary>Whether the interval contains 0: the data do not show that price moves units at all.</summary>
    public bool IntervalIncludesZero => Lower <= 0 && Upper >= 0;
}
