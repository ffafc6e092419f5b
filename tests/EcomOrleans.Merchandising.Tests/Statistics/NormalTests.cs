using EcomOrleans.Merchandising.Statistics;

namespace EcomOrleans.Merchandising.Tests.Statistics;

public sealed class NormalTests
{
    [Theory]
    // Published table values of the standard normal quantile.
    [InlineData(0.5, 0.0)]
    [InlineData(0.9, 1.2815516)]
    [InlineData(0.95, 1.6448536)]
    [InlineData(0.975, 1.9599640)]
    [InlineData(0.99, 2.3263479)]
    [InlineData(0.01, -2.3263479)]
    [InlineData(0.001, -3.0902323)]
    public void Quantile_TableProbabilities_MatchTheTable(double p, double z) => Assert.Equal(z, Normal.Quantile(p), 6);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Quantile_NotStrictlyBetweenZeroAndOne_Throws(double p)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Normal.Quantile(p));
        Assert.StartsWith("A probability strictly between 0 and 1 is required.", error.Message);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.6448536, 0.95)]
    [InlineData(-1.9599640, 0.025)]
    public void Cdf_TableValues_MatchTheTable(double z, double p) => Assert.Equal(p, Normal.Cdf(z), 6);

    [Fact]
    public void Density_AtZero_IsOneOverRootTwoPi() => Assert.Equal(0.3989423, Normal.Density(0), 6);
}
