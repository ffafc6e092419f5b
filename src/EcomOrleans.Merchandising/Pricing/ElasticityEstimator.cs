using System.Globalization;
using EcomOrleans.Merchandising.Statistics;

namespace EcomOrleans.Merchandising.Pricing;

/// <summary>
/// A SKU's price elasticity from its own price and unit history, fitted by OLS as
/// log(units) = a + b·(log(price) − mean log price) + c·promoted [+ d·promoted·(log(price) − mean)] + seasonal dummies,
/// optionally shrunk toward its category.
/// </summary>
/// <remarks>
/// Periods with zero units are dropped (and counted in <see cref="ElasticityFit.ZeroUnitsDropped"/>): log 0 is
/// undefined, and log(units + 1) bends the curve toward 0 where units are small. Dropping zeros biases b toward 0 too
/// (zeros are likelier at high prices), so a slow mover's daily history should be summed to weeks before it is fitted.
/// </remarks>
public sealed class ElasticityEstimator
{
    /// <summary>An estimator with <paramref name="options"/> (default: no seasonality, no interaction, 90 % interval).</summary>
    public ElasticityEstimator(ElasticityOptions? options = null)
    {
        Options = options ?? new ElasticityOptions();
        Options.Validate();
    }

    public ElasticityOptions Options { get; }

    /// <summary>The SKU's own OLS fit, with a t interval on n − k degrees of freedom.</summary>
    /// <exception cref="ArgumentException">
    /// A non-positive price, negative units, no more observations with units above zero than parameters, or prices that
    /// never vary.
    /// </exception>
    /// <exception cref="InvalidOperationException">The price moves only with a control, so the design is singular.</exception>
    public ElasticityFit Fit(IReadOnlyList<PriceObservation> observations)
    {
        var (used, dropped, design, problem) = Prepare(observations);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(observations));
        }

        return FitPrepared(used, dropped, design);
    }

    /// <summary>The SKU's own fit as an estimate (weight 1, the own t interval).</summary>
    public ElasticityEstimate Estimate(IReadOnlyList<PriceObservation> observations)
    {
        var own = Fit(observations);
        return new ElasticityEstimate(own.Elasticity, own.StandardError, own.Lower, own.Upper, own.ConfidenceLevel, 1, ElasticitySource.Own, own,
            Invariant($"own OLS on {own.Observations} observations"));
    }

    /// <summary>
    /// The SKU's own fit shrunk toward <paramref name="prior"/> (see <see cref="Shrink"/>), or the prior alone when the
    /// SKU's data cannot be fitted (too few observations with units, a price that never varies, or a price that moves only
    /// with a control). Bad values (a
    /// non-positive price, negative units) still throw.
    /// </summary>
    public ElasticityEstimate Estimate(IReadOnlyList<PriceObservation> observations, CategoryPrior prior)
    {
        ArgumentNullException.ThrowIfNull(prior);
        prior.Validate();
        var (used, dropped, design, problem) = Prepare(observations);
        if (problem is not null)
        {
            return PriorOnly(prior, Options.ConfidenceLevel, problem);
        }

        try
        {
            return Shrink(FitPrepared(used, dropped, design), prior, Options.ConfidenceLevel);
        }
        catch (InvalidOperationException singular)
        {
            // Price moving in lockstep with a control (every promoted week at one price) leaves the slope unidentified.
            return PriorOnly(prior, Options.ConfidenceLevel, singular.Message);
        }
    }

    /// <summary>
    /// Precision weighting (normal-normal empirical Bayes): w = τ² / (τ² + se²), b_post = w·b_own + (1 − w)·b_cat, and
    /// the posterior standard deviation sd_post = sqrt(w·se² + (1 − w)²·V), where w·se² = 1 / (1/se² + 1/τ²) is the
    /// posterior variance with the category mean known and (1 − w)²·V adds the uncertainty V of an estimated mean
    /// (<see cref="CategoryPrior.MeanVariance"/>; Morris 1983). The interval is normal, b_post ± z·sd_post, taking τ²
    /// as known. With se = 0 the own estimate is exact (w = 1).
    /// </summary>
    public static ElasticityEstimate Shrink(ElasticityFit own, CategoryPrior prior, double confidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(prior);
        prior.Validate();
        var z = Normal.Quantile(0.5 + (RequireLevel(confidenceLevel) / 2));
        var ownVariance = own.StandardError * own.StandardError;
        var weight = ownVariance == 0 ? 1 : prior.BetweenSkuVariance / (prior.BetweenSkuVariance + ownVariance);
        var elasticity = (weight * own.Elasticity) + ((1 - weight) * prior.Mean);
        var sd = Math.Sqrt((weight * ownVariance) + ((1 - weight) * (1 - weight) * prior.MeanVariance));
        return new ElasticityEstimate(elasticity, sd, elasticity - (z * sd), elasticity + (z * sd), confidenceLevel, weight, ElasticitySource.Shrunk, own,
            Invariant($"own OLS on {own.Observations} observations (b {own.Elasticity:F3}, se {own.StandardError:F3}) shrunk toward the category mean {prior.Mean:F3} (tau² {prior.BetweenSkuVariance:F3}) with own weight {weight:F2}"));
    }

    /// <summary>
    /// The prior alone, for a SKU without usable data: b = the category mean, sd = sqrt(τ² + V) (the spread of SKUs
    /// around the mean, and the mean's own uncertainty), and a normal interval.
    /// </summary>
    public static ElasticityEstimate PriorOnly(CategoryPrior prior, double confidenceLevel, string why)
    {
        ArgumentNullException.ThrowIfNull(prior);
        prior.Validate();
        var z = Normal.Quantile(0.5 + (RequireLevel(confidenceLevel) / 2));
        var sd = Math.Sqrt(prior.BetweenSkuVariance + prior.MeanVariance);
        return new ElasticityEstimate(prior.Mean, sd, prior.Mean - (z * sd), prior.Mean + (z * sd), confidenceLevel, 0, ElasticitySource.CategoryPrior, null,
            $"category prior only, the SKU's own data are unusable: {why}");
    }

    private ElasticityFit FitPrepared(List<PriceObservation> used, int dropped, ElasticityDesign design)
    {
        var regression = LeastSquares.Fit([.. used.Select(design.Row)], [.. used.Select(o => Math.Log(o.Units))]);
        var logPriceStdDev = Math.Sqrt(used.Sum(o => Math.Pow(Math.Log(o.UnitPrice) - design.MeanLogPrice, 2)) / (used.Count - 1));
        return new ElasticityFit(regression, design, Options.ConfidenceLevel, dropped, logPriceStdDev);
    }

    /// <summary>The observations with units, the design, and why they cannot be fitted (null when they can); bad values throw.</summary>
    private (List<PriceObservation> Used, int Dropped, ElasticityDesign Design, string? Problem) Prepare(IReadOnlyList<PriceObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            if (!(o.UnitPrice > 0 && double.IsFinite(o.UnitPrice)))
            {
                throw new ArgumentException(Invariant($"Observation {i} ({o.Period:yyyy-MM-dd}) has unit price {o.UnitPrice}; unit prices must be positive and finite."), nameof(observations));
            }

            if (!(o.Units >= 0 && double.IsFinite(o.Units)))
            {
                throw new ArgumentException(Invariant($"Observation {i} ({o.Period:yyyy-MM-dd}) has {o.Units} units; units must be zero or more and finite."), nameof(observations));
            }
        }

        var used = observations.Where(o => o.Units > 0).ToList();
        var dropped = observations.Count - used.Count;
        var design = ElasticityDesign.For(used, Options);
        if (used.Count <= design.Parameters)
        {
            return (used, dropped, design, Invariant(
                $"Fitting {design.Parameters} parameters needs at least {design.Parameters + 1} observations with units above zero; got {used.Count} ({dropped} with zero units left out)."));
        }

        var firstPrice = used[0].UnitPrice;
        if (used.All(o => o.UnitPrice == firstPrice))
        {
            return (used, dropped, design, Invariant($"The price is {firstPrice} in all {used.Count} observations with units above zero, so the elasticity is not identified."));
        }

        return (used, dropped, design, null);
    }

    private static double RequireLevel(double confidenceLevel) =>
        confidenceLevel > 0 && confidenceLevel < 1
            ? confidenceLevel
            : throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must be strictly between 0 and 1.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
