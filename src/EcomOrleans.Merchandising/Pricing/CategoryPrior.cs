namespace EcomOrleans.Merchandising.Pricing;

/// <summary>
/// What a category's SKUs say about a SKU's elasticity before its own data do: elasticities across the category are
/// taken as normal with mean <see cref="Mean"/> and variance <see cref="BetweenSkuVariance"/> (τ²).
/// </summary>
/// <param name="Mean">The category's mean elasticity.</param>
/// <param name="BetweenSkuVariance">τ², the variance of true elasticities between SKUs (not of their estimates); zero or more.</param>
/// <param name="MeanVariance">
/// The sampling variance of <paramref name="Mean"/> itself, zero or more; default 0 (a mean known exactly). A mean
/// estimated from a few SKUs is uncertain, and a posterior that ignores it is too narrow where shrinkage is strongest.
/// </param>
/// <param name="Skus">How many SKUs' fits the prior was computed from (0 when set by hand).</param>
public sealed record CategoryPrior(double Mean, double BetweenSkuVariance, double MeanVariance = 0, int Skus = 0)
{
    /// <summary>
    /// The prior from several SKUs' own fits by the method of moments: the mean is the plain mean of their elasticities
    /// (unweighted, so one long history does not set the category alone), and τ² = max(0, s²_b − mean(se²)), the
    /// spread of the estimates beyond what their own sampling error explains, where s²_b is the sample variance (n − 1).
    /// The mean's variance is s²_b / J for J fits (it estimates (τ² + mean se²) / J, the variance of an unweighted mean).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two fits.</exception>
    public static CategoryPrior FromFits(IReadOnlyList<ElasticityFit> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        return FromEstimates([.. fits.Select(f => (f.Elasticity, f.StandardError))], nameof(fits));
    }

    /// <summary>The same as <see cref="FromFits"/> from each SKU's elasticity and standard error alone (what SKU grains report to their category).</summary>
    /// <exception cref="ArgumentException">Fewer than two estimates.</exception>
    public static CategoryPrior FromEstimates(IReadOnlyList<(double Elasticity, double StandardError)> estimates, string parameter = "estimates")
    {
        ArgumentNullException.ThrowIfNull(estimates);
        if (estimates.Count < 2)
        {
            throw new ArgumentException($"A category prior needs the fits of at least 2 SKUs; got {estimates.Count}.", parameter);
        }

        var mean = estimates.Average(f => f.Elasticity);
        var spread = estimates.Sum(f => (f.Elasticity - mean) * (f.Elasticity - mean)) / (estimates.Count - 1);
        var sampling = estimates.Average(f => f.StandardError * f.StandardError);
        return new CategoryPrior(mean, Math.Max(0, spread - sampling), spread / estimates.Count, estimates.Count);
    }

    /// <summary>Throws when <see cref="Mean"/> is not finite, or a variance is negative or not finite.</summary>
    public void Validate()
    {
        if (!double.IsFinite(Mean))
        {
            throw new ArgumentOutOfRangeException(nameof(Mean), Mean, "The category mean elasticity must be finite.");
        }

        if (!(BetweenSkuVariance >= 0 && double.IsFinite(BetweenSkuVariance)))
        {
            throw new ArgumentOutOfRangeException(nameof(BetweenSkuVariance), BetweenSkuVariance, "The between-SKU variance must be finite and zero or more.");
        }

        if (!(MeanVariance >= 0 && double.IsFinite(MeanVariance)))
        {
            throw new ArgumentOutOfRangeException(nameof(MeanVariance), MeanVariance, "The variance of the category mean must be finite and zero or more.");
        }
    }
}
