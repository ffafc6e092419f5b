using EcomOrleans.Merchandising.Statistics;

namespace EcomOrleans.Merchandising.Tests.Statistics;

public sealed class StudentTTests
{
    [Theory]
    // Published t-table values (upper quantiles) and their mirror image.
    [InlineData(0.975, 1, 12.706205)]
    [InlineData(0.95, 2, 2.919986)]
    [InlineData(0.95, 10, 1.812461)]
    [InlineData(0.95, 17, 1.739607)]
    [InlineData(0.975, 30, 2.042272)]
    [InlineData(0.05, 10, -1.812461)]
    [InlineData(0.5, 5, 0.0)]
    public void Quantile_TableProbabilities_MatchTheTable(double p, double degreesOfFreedom, double t) =>
        Assert.Equal(t, StudentT.Quantile(p, degreesOfFreedom), 5);

    [Fact]
    public void Quantile_ManyDegreesOfFreedom_MatchesTheCornishFisherExpansion() =>
        // t(0.95, ν) ≈ z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) = 1.6449063 for ν = 28,942 (the next term is 1e-13), beside
        // z = 1.6448536: the continued fraction must converge where a = ν/2 is large.
        Assert.Equal(1.6449063, StudentT.Quantile(0.95, 28_942), 6);

    [Theory]
    [InlineData(0.0, 3, 0.5)]
    [InlineData(2.919986, 2, 0.95)]
    [InlineData(-1.812461, 10, 0.05)]
    public void Cdf_TableValues_MatchTheTable(double t, double degreesOfFreedom, double p) => Assert.Equal(p, StudentT.Cdf(t, degreesOfFreedom), 6);

    [Fact]
    public void Quantile_ZeroDegreesOfFreedom_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.9, 0));
        Assert.StartsWith("Degrees of freedom must be positive.", error.Message);
    }
}
