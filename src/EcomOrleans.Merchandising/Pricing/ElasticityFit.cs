using EcomOrleans.Merchandising.Statistics;

namespace EcomOrleans.Merchandising.Pricing;

/// <summary>
/// A SKU's own OLS fit of log(units) = a + b·(log(price) − mean log price) + controls, from
/// <see cref="ElasticityEstimator.Fit"/>.
/// </summary>
public sealed record ElasticityFit
{
    internal ElasticityFit(LeastSquaresFit regression, ElasticityDesign design, double confidenceLevel, int zeroUnitsDropped, double logPriceStdDev)
    {
        Regression = regression;
        Design = design;
        ConfidenceLevel = confidenceLevel;
        ZeroUnitsDropped = zeroUnitsDropped;
        LogPriceStdDev = logPriceStdDev;
        Elasticity = regression.Coefficients[ElasticityDesign.PriceColumn];
        StandardError = regression.StandardErrors[ElasticityDesign.PriceColumn];
        var t = StudentT.Quantile(0.5 + (confidenceLevel / 2), regression.DegreesOfFreedom);
        (Lower, Upper) = (Elasticity - (t * StandardError), Elasticity + (t * StandardError));
        if (design.HasPromotion)
        {
            PromotionEffect = regression.Coefficients[ElasticityDesign.PromotionColumn];
        }

        if (design.HasInteraction)
        {
            const int P = ElasticityDesign.PriceColumn, I = ElasticityDesign.InteractionColumn;
            PromotedElasticity = Elasticity + regression.Coefficients[I];
            PromotedElasticityStandardError = Math.Sqrt(regression.Covariance(P, P) + regression.Covariance(I, I) + (2 * regression.Covariance(P, I)));
        }
    }

    /// <summary>b, the percent change in units per percent change in price (in periods without promotion when the fit has the interaction).</summary>
    public double Elasticity { get; }

    /// <summary>The classical OLS standard error of <see cref="Elasticity"/>.</summary>
    public double StandardError { get; }

    /// <summary>Lower end of the t interval b − t(n − k)·se at <see cref="ConfidenceLevel"/>.</summary>
    public double Lower { get; }

    /// <summary>Upper end of the t interval b + t(n − k)·se.</summary>
    public double Upper { get; }

    /// <summary>The interval's two-sided level, e.g. 0.9.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>n: the observations fitted (those with units above zero).</summary>
    public int Observations => Regression.Observations;

    /// <summary>k: the coefficients estimated (intercept, price, and the controls the data could identify).</summary>
    public int Parameters => Design.Parameters;

    /// <summary>Observations left out because they sold zero units (log 0 is undefined).</summary>
    public int ZeroUnitsDropped { get; }

    /// <summary>The sample standard deviation of log price over the fitted observations: the price variation the slope rests on.</summary>
    public double LogPriceStdDev { get; }

    /// <summary>The change in log units when promoted, at the geometric-mean price; null when the data have no promotion contrast.</summary>
    public double? PromotionEffect { get; }

    /// <summary>The price slope in promoted periods (b + interaction); null without the interaction column.</summary>
    public double? PromotedElasticity { get; }

    /// <summary>The standard error of <see cref="PromotedElasticity"/>, from the coefficients' covariance.</summary>
    public double? PromotedElasticityStandardError { get; }

    /// <summary>The regression behind the fit, columns as <see cref="ElasticityDesign"/> lays them out.</summary>
    public LeastSquaresFit Regression { get; }

    internal ElasticityDesign Design { get; }

    /// <summary>The fitted log units for <paramref name="observation"/>'s price, promotion and period (its units are ignored).</summary>
    public double PredictLogUnits(PriceObservation observation) => PredictLogUnits(observation, Elasticity);

    /// <summary>
    /// The fitted log units with the price slope replaced by <paramref name="elasticity"/> (e.g. a shrunk estimate). The
    /// price column is centred, so the prediction at the geometric-mean price does not depend on the slope.
    /// </summary>
    public double PredictLogUnits(PriceObservation observation, double elasticity)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (!(observation.UnitPrice > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(observation), observation.UnitPrice, "Unit prices must be positive.");
        }

        var row = Design.Row(observation);
        return Regression.Predict(row) + ((elasticity - Elasticity) * row[ElasticityDesign.PriceColumn]);
    }
}
