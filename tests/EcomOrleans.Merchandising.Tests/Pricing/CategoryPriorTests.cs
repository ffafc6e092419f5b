using EcomOrleans.Merchandising.Pricing;

namespace EcomOrleans.Merchandising.Tests.Pricing;

public sealed class CategoryPriorTests
{
    [Fact]
    public void FromFits_ThreeSkus_IsTheMeanAndTheSpreadBeyondSamplingError()
    {
        // Adding k·x to the hand data's log units tilts the slope by k and leaves the residuals, so each fit has se² = 0.02:
        // b = −1.4, −2.4, −3.4. Mean −2.4; sample variance ((1)² + 0 + (−1)²) / 2 = 1; τ² = 1 − 0.02 = 0.98; the mean's
        // variance 1 / 3.
        var estimator = new ElasticityEstimator();
        ElasticityFit[] fits = [.. new[] { 0.0, -1, -2 }.Select(k => estimator.Fit(ElasticityEstimatorTests.HandData(k)))];

        var prior = CategoryPrior.FromFits(fits);

        Assert.Equal(-2.4, prior.Mean, 12);
        Assert.Equal(0.98, prior.BetweenSkuVariance, 12);
        Assert.Equal(1.0 / 3, prior.MeanVariance, 12);
        Assert.Equal(3, prior.Skus);
    }

    [Fact]
    public void FromFits_EstimatesCloserThanTheirErrors_HaveZeroBetweenVariance()
    {
        // b = −1.4 and −1.45: sample variance 0.00125 < mean se² 0.02, so the estimates differ by no more than noise.
        var estimator = new ElasticityEstimator();
        ElasticityFit[] fits = [estimator.Fit(ElasticityEstimatorTests.HandData()), estimator.Fit(ElasticityEstimatorTests.HandData(-0.05))];

        Assert.Equal(0, CategoryPrior.FromFits(fits).BetweenSkuVariance);
    }

    [Fact]
    public void FromFits_OneSku_Throws()
    {
        var fits = new[] { new ElasticityEstimator().Fit(ElasticityEstimatorTests.HandData()) };

        var error = Assert.Throws<ArgumentException>(() => CategoryPrior.FromFits(fits));

        Assert.Equal("A category prior needs the fits of at least 2 SKUs; got 1. (Parameter 'fits')", error.Message);
    }
}
