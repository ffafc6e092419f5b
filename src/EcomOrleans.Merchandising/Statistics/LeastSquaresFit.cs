namespace EcomOrleans.Merchandising.Statistics;

/// <summary>What <see cref="LeastSquares.Fit"/> estimated: coefficients, their covariance and the residual variance.</summary>
public sealed class LeastSquaresFit
{
    private readonly double[] _coefficients;
    private readonly double[,] _covariance;

    internal LeastSquaresFit(double[] coefficients, double[,] covariance, double residualVariance, int observations)
    {
        _coefficients = coefficients;
        _covariance = covariance;
        ResidualVariance = residualVariance;
        Observations = observations;
        StandardErrors = [.. Enumerable.Range(0, coefficients.Length).Select(i => Math.Sqrt(covariance[i, i]))];
    }

    /// <summary>β, in the order of the design's columns.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    /// <summary>sqrt(s²·(XᵀX)⁻¹ᵢᵢ) per coefficient, in the response's units per unit of the column.</summary>
    public IReadOnlyList<double> StandardErrors { get; }

    /// <summary>s² = Σ residual² / (n − k).</summary>
    public double ResidualVariance { get; }

    /// <summary>n, the rows fitted.</summary>
    public int Observations { get; }

    /// <summary>n − k.</summary>
    public int DegreesOfFreedom => Observations - _coefficients.Length;

    /// <summary>The estimated covariance s²·(XᵀX)⁻¹ of coefficients <paramref name="i"/> and <paramref name="j"/>.</summary>
    public double Covariance(int i, int j) => _covariance[i, j];

    /// <summary>x·β for one design row.</summary>
    public double Predict(IReadOnlyList<double> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Count != _coefficients.Length)
        {
            throw new ArgumentException($"The row has {row.Count} columns; the fit has {_coefficients.Length}.", nameof(row));
        }

        return LeastSquares.Dot(row, _coefficients);
    }
}
