namespace EcomOrleans.Merchandising.Statistics;

/// <summary>Ordinary least squares with classical (homoskedastic) standard errors.</summary>
public static class LeastSquares
{
    /// <summary>
    /// Fits y = X·β by least squares. <paramref name="rows"/> are the rows of X (each with the same number of columns,
    /// an intercept column included by the caller). Solves the normal equations by Cholesky, which is accurate enough for
    /// the few well-scaled columns a demand regression has (centre a column whose mean is far from zero); a column that is
    /// a linear combination of the others throws.
    /// </summary>
    /// <exception cref="ArgumentException">No columns, rows of different lengths, a count mismatch, or no more rows than columns.</exception>
    /// <exception cref="InvalidOperationException">The design matrix is singular.</exception>
    public static LeastSquaresFit Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(y);
        if (rows.Count != y.Count)
        {
            throw new ArgumentException($"The design has {rows.Count} rows but there are {y.Count} responses.", nameof(y));
        }

        var k = rows.Count == 0 ? 0 : rows[0].Length;
        if (k == 0)
        {
            throw new ArgumentException("The design needs at least one row and one column.", nameof(rows));
        }

        if (rows.Count <= k)
        {
            throw new ArgumentException($"Fitting {k} coefficients needs at least {k + 1} rows; got {rows.Count}.", nameof(rows));
        }

        var gram = new double[k, k];
        var moment = new double[k];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Length != k)
            {
                throw new ArgumentException($"Row {r} has {row.Length} columns; row 0 has {k}.", nameof(rows));
            }

            for (var i = 0; i < k; i++)
            {
                moment[i] += row[i] * y[r];
                for (var j = 0; j <= i; j++)
                {
                    gram[i, j] += row[i] * row[j];
                }
            }
        }

        var lower = Cholesky(gram, k);
        var inverse = InverseFromCholesky(lower, k);
        var coefficients = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                coefficients[i] += inverse[i, j] * moment[j];
            }
        }

        var squaredResiduals = 0.0;
        for (var r = 0; r < rows.Count; r++)
        {
            var residual = y[r] - Dot(rows[r], coefficients);
            squaredResiduals += residual * residual;
        }

        var residualVariance = squaredResiduals / (rows.Count - k);
        var covariance = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                covariance[i, j] = residualVariance * inverse[i, j];
            }
        }

        return new LeastSquaresFit(coefficients, covariance, residualVariance, rows.Count);
    }

    internal static double Dot(IReadOnlyList<double> row, IReadOnlyList<double> coefficients)
    {
        var sum = 0.0;
        for (var i = 0; i < coefficients.Count; i++)
        {
            sum += row[i] * coefficients[i];
        }

        return sum;
    }

    /// <summary>L with L·Lᵀ = A, reading A's lower triangle.</summary>
    private static double[,] Cholesky(double[,] a, int k)
    {
        var scale = 0.0;
        for (var i = 0; i < k; i++)
        {
            scale = Math.Max(scale, a[i, i]);
        }

        var lower = new double[k, k];
        for (var j = 0; j < k; j++)
        {
            var pivot = a[j, j];
            for (var m = 0; m < j; m++)
            {
                pivot -= lower[j, m] * lower[j, m];
            }

            // A pivot this small relative to the largest diagonal entry is rounding noise: the column adds nothing.
            if (!(pivot > 1e-12 * scale))
            {
                throw new InvalidOperationException($"The design matrix is singular: column {j} is a linear combination of the columns before it.");
            }

            lower[j, j] = Math.Sqrt(pivot);
            for (var i = j + 1; i < k; i++)
            {
                var sum = a[i, j];
                for (var m = 0; m < j; m++)
                {
                    sum -= lower[i, m] * lower[j, m];
                }

                lower[i, j] = sum / lower[j, j];
            }
        }

        return lower;
    }

    /// <summary>A⁻¹ = L⁻ᵀ·L⁻¹ from the Cholesky factor L.</summary>
    private static double[,] InverseFromCholesky(double[,] lower, int k)
    {
        var lowerInverse = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            lowerInverse[i, i] = 1 / lower[i, i];
            for (var j = 0; j < i; j++)
            {
                var sum = 0.0;
                for (var m = j; m < i; m++)
                {
                    sum -= lower[i, m] * lowerInverse[m, j];
                }

                lowerInverse[i, j] = sum / lower[i, i];
            }
        }

        var inverse = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var sum = 0.0;
                for (var m = Math.Max(i, j); m < k; m++)
                {
                    sum += lowerInverse[m, i] * lowerInverse[m, j];
                }

                inverse[i, j] = sum;
            }
        }

        return inverse;
    }
}
