using EcomOrleans.Merchandising.Statistics;

namespace EcomOrleans.Merchandising.Tests.Statistics;

public sealed class LeastSquaresTests
{
    /// <summary>
    /// x = 0, 1, 2, 3 and y = 4, 3, 1, 0. By hand: x̄ = 1.5, ȳ = 2, Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5,
    /// Sxy = (−1.5)(2) + (−0.5)(1) + (0.5)(−1) + (1.5)(−2) = −7, so b = −7/5 = −1.4 and a = ȳ − b·x̄ = 4.1.
    /// Fitted 4.1, 2.7, 1.3, −0.1; residuals −0.1, 0.3, −0.3, 0.1; SSR = 0.2; s² = 0.2 / (4 − 2) = 0.1.
    /// se(b) = sqrt(s² / Sxx) = sqrt(0.02); se(a) = sqrt(s²·(1/n + x̄²/Sxx)) = sqrt(0.1·(0.25 + 0.45)) = sqrt(0.07).
    /// cov(a, b) = −s²·x̄ / Sxx = −0.03.
    /// </summary>
    [Fact]
    public void Fit_FourPoints_MatchesTheHandComputedLine()
    {
        double[][] rows = [[1, 0], [1, 1], [1, 2], [1, 3]];

        var fit = LeastSquares.Fit(rows, [4, 3, 1, 0]);

        Assert.Equal(4.1, fit.Coefficients[0], 12);
        Assert.Equal(-1.4, fit.Coefficients[1], 12);
        Assert.Equal(Math.Sqrt(0.07), fit.StandardErrors[0], 12);
        Assert.Equal(Math.Sqrt(0.02), fit.StandardErrors[1], 12);
        Assert.Equal(-0.03, fit.Covariance(0, 1), 12);
        Assert.Equal(0.1, fit.ResidualVariance, 12);
        Assert.Equal((4, 2), (fit.Observations, fit.DegreesOfFreedom));
        Assert.Equal(-0.1, fit.Predict([1, 3]), 12);
    }

    [Fact]
    public void Fit_RepeatedColumn_ThrowsSingular()
    {
        double[][] rows = [[1, 0, 0], [1, 1, 1], [1, 2, 2], [1, 3, 3]];

        var error = Assert.Throws<InvalidOperationException>(() => LeastSquares.Fit(rows, [4, 3, 1, 0]));

        Assert.Equal("The design matrix is singular: column 2 is a linear combination of the columns before it.", error.Message);
    }

    [Fact]
    public void Fit_NoMoreRowsThanColumns_Throws()
    {
        double[][] rows = [[1, 0], [1, 1]];

        var error = Assert.Throws<ArgumentException>(() => LeastSquares.Fit(rows, [4, 3]));

        Assert.Equal("Fitting 2 coefficients needs at least 3 rows; got 2. (Parameter 'rows')", error.Message);
    }
}
