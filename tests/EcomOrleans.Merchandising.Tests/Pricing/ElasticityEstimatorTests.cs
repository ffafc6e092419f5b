using EcomOrleans.Merchandising.Pricing;

namespace EcomOrleans.Merchandising.Tests.Pricing;

public sealed class ElasticityEstimatorTests
{
    private static readonly DateOnly Start = new(2024, 1, 1); // a Monday

    /// <summary>
    /// log price x = 0, 1, 2, 3 and log units y = 4, 3, 1, 0, no promotions: the line of LeastSquaresTests, b = −1.4,
    /// se = sqrt(0.02) = 0.1414214, on n − k = 2 degrees of freedom. The 90 % t interval is
    /// −1.4 ± t(0.95, 2)·se = −1.4 ± 2.919986·0.1414214 = −1.4 ± 0.4129484. The sample sd of x is sqrt(5/3).
    /// </summary>
    internal static PriceObservation[] HandData(double extraSlope = 0) =>
        [.. new[] { (0.0, 4.0), (1, 3), (2, 1), (3, 0) }.Select((p, i) => Week(i, Math.Exp(p.Item2 + (extraSlope * p.Item1)), Math.Exp(p.Item1)))];

    [Fact]
    public void Fit_FourWeeks_MatchesTheHandComputedSlopeAndInterval()
    {
        var fit = new ElasticityEstimator().Fit(HandData());

        Assert.Equal(-1.4, fit.Elasticity, 12);
        Assert.Equal(Math.Sqrt(0.02), fit.StandardError, 12);
        Assert.Equal(-1.4 - 0.4129484, fit.Lower, 6);
        Assert.Equal(-1.4 + 0.4129484, fit.Upper, 6);
        Assert.Equal(Math.Sqrt(5.0 / 3), fit.LogPriceStdDev, 12);
        Assert.Equal((4, 2, 0), (fit.Observations, fit.Parameters, fit.ZeroUnitsDropped));
        Assert.Null(fit.PromotionEffect);
        // The price column is centred, so the intercept is mean log units, 2, at the geometric-mean price e^1.5.
        Assert.Equal(2, fit.PredictLogUnits(Week(9, 0, Math.Exp(1.5))), 12);
    }

    [Fact]
    public void Fit_NoiselessPromotedHistory_RecoversSlopePromotionAndInteraction()
    {
        // log units = 5 − 2·log p + 0.5·promoted − 1·promoted·(log p − mean): promoted weeks have slope −3.
        double[] prices = [1.0, 1.2, 1.5, 2.0, 2.5, 1.1, 1.7, 2.2];
        bool[] promoted = [false, false, false, false, true, true, true, true];
        var mean = prices.Average(Math.Log);
        var history = prices.Select((p, i) =>
        {
            var x = Math.Log(p) - mean;
            var promotion = promoted[i] ? 1 : 0;
            return Week(i, Math.Exp(5 - (2 * x) + (0.5 * promotion) - (promotion * x)), p, promoted[i]);
        }).Append(Week(8, 0, 1.3)).ToArray();

        var fit = new ElasticityEstimator(new ElasticityOptions(PromotionInteraction: true)).Fit(history);

        Assert.Equal(-2, fit.Elasticity, 9);
        Assert.Equal(0.5, fit.PromotionEffect!.Value, 9);
        Assert.Equal(-3, fit.PromotedElasticity!.Value, 9);
        Assert.Equal((8, 4, 1), (fit.Observations, fit.Parameters, fit.ZeroUnitsDropped));
    }

    [Fact]
    public void Fit_DayOfWeekSeasonality_AddsADummyPerWeekdayBeyondTheFirst()
    {
        // Two weeks of days; weekend days sell e^0.7 times more; the price cycles through five levels.
        var history = Enumerable.Range(0, 14).Select(d =>
        {
            var date = Start.AddDays(d);
            var price = 2.0 + (0.25 * (d % 5));
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.7 : 0;
            return new PriceObservation(date, Math.Exp(3 - (1.5 * Math.Log(price)) + weekend), price, false);
        }).ToArray();

        var fit = new ElasticityEstimator(new ElasticityOptions(Seasonality.DayOfWeek)).Fit(history);

        Assert.Equal(-1.5, fit.Elasticity, 9);
        Assert.Equal(2 + 6, fit.Parameters);
    }

    [Fact]
    public void Fit_NonPositivePrice_ThrowsNamingTheObservation()
    {
        PriceObservation[] history = [.. HandData(), new PriceObservation(new DateOnly(2024, 3, 4), 5, 0, false)];

        var error = Assert.Throws<ArgumentException>(() => new ElasticityEstimator().Fit(history));

        Assert.Equal("Observation 4 (2024-03-04) has unit price 0; unit prices must be positive and finite. (Parameter 'observations')", error.Message);
    }

    [Fact]
    public void Fit_NegativeUnits_ThrowsNamingTheObservation()
    {
        PriceObservation[] history = [new(new DateOnly(2024, 3, 4), -1, 2.5, false), .. HandData()];

        var error = Assert.Throws<ArgumentException>(() => new ElasticityEstimator().Fit(history));

        Assert.Equal("Observation 0 (2024-03-04) has -1 units; units must be zero or more and finite. (Parameter 'observations')", error.Message);
    }

    [Fact]
    public void Fit_NoMoreObservationsWithUnitsThanParameters_Throws()
    {
        // Three weeks, one without sales: two usable observations for an intercept and a slope.
        PriceObservation[] history = [Week(0, 10, 1.0), Week(1, 0, 1.5), Week(2, 6, 2.0)];

        var error = Assert.Throws<ArgumentException>(() => new ElasticityEstimator().Fit(history));

        Assert.Equal("Fitting 2 parameters needs at least 3 observations with units above zero; got 2 (1 with zero units left out). (Parameter 'observations')", error.Message);
    }

    [Fact]
    public void Fit_PriceNeverVaries_Throws()
    {
        PriceObservation[] history = [Week(0, 10, 2.5), Week(1, 12, 2.5), Week(2, 9, 2.5)];

        var error = Assert.Throws<ArgumentException>(() => new ElasticityEstimator().Fit(history));

        Assert.Equal("The price is 2.5 in all 3 observations with units above zero, so the elasticity is not identified. (Parameter 'observations')", error.Message);
    }

    [Fact]
    public void Estimate_WithCategoryPrior_WeighsOwnAndCategoryByPrecision()
    {
        // Own b = −1.4 with se² = 0.02; prior mean −3 with τ² = 0.02. w = 0.02 / (0.02 + 0.02) = 0.5,
        // b_post = 0.5·(−1.4) + 0.5·(−3) = −2.2, sd = sqrt(0.5)·sqrt(0.02) = 0.1, 90 % normal interval −2.2 ± 1.6448536·0.1.
        var estimate = new ElasticityEstimator().Estimate(HandData(), new CategoryPrior(-3, 0.02));

        Assert.Equal(ElasticitySource.Shrunk, estimate.Source);
        Assert.Equal(0.5, estimate.OwnWeight, 12);
        Assert.Equal(-2.2, estimate.Elasticity, 12);
        Assert.Equal(0.1, estimate.StandardError, 12);
        Assert.Equal(-2.2 - 0.16448536, estimate.Lower, 6);
        Assert.Equal(-2.2 + 0.16448536, estimate.Upper, 6);
        Assert.Equal(-1.4, estimate.Own!.Elasticity, 12);
    }

    [Fact]
    public void Estimate_UncertainCategoryMean_WidensThePosterior()
    {
        // As above with V = 0.04 for the mean: sd² = w·se² + (1 − w)²·V = 0.5·0.02 + 0.25·0.04 = 0.02, sd = sqrt(0.02).
        var estimate = new ElasticityEstimator().Estimate(HandData(), new CategoryPrior(-3, 0.02, MeanVariance: 0.04));

        Assert.Equal(-2.2, estimate.Elasticity, 12);
        Assert.Equal(Math.Sqrt(0.02), estimate.StandardError, 12);
    }

    [Fact]
    public void Estimate_PriceNeverVariesWithPrior_UsesThePriorAloneAndSaysSo()
    {
        PriceObservation[] history = [Week(0, 10, 2.5), Week(1, 12, 2.5), Week(2, 9, 2.5)];

        // τ² + V = 0.2 + 0.05: sd = 0.5, 90 % interval −3 ± 1.6448536·0.5.
        var estimate = new ElasticityEstimator().Estimate(history, new CategoryPrior(-3, 0.2, MeanVariance: 0.05));

        Assert.Equal((ElasticitySource.CategoryPrior, 0.0, -3.0, 0.5), (estimate.Source, estimate.OwnWeight, estimate.Elasticity, estimate.StandardError));
        Assert.Equal(-3 - 0.8224268, estimate.Lower, 6);
        Assert.Null(estimate.Own);
        Assert.Equal("category prior only, the SKU's own data are unusable: The price is 2.5 in all 3 observations with units above zero, so the elasticity is not identified.",
            estimate.Reason);
    }

    [Fact]
    public void Estimate_OwnDataOnly_IsTheOwnFitWithFullWeight()
    {
        var estimate = new ElasticityEstimator().Estimate(HandData());

        Assert.Equal((ElasticitySource.Own, 1.0, "own OLS on 4 observations"), (estimate.Source, estimate.OwnWeight, estimate.Reason));
        Assert.Equal((estimate.Own!.Lower, estimate.Own.Upper), (estimate.Lower, estimate.Upper));
    }

    [Fact]
    public void Constructor_ConfidenceLevelOfOne_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ElasticityEstimator(new ElasticityOptions(ConfidenceLevel: 1)));
        Assert.StartsWith("The confidence level must be strictly between 0 and 1.", error.Message);
    }

    private static PriceObservation Week(int week, double units, double price, bool promoted = false) => new(Start.AddDays(7 * week), units, price, promoted);
}
