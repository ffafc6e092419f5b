namespace EcomOrleans.Merchandising.Forecasting;

/// <summary>
/// Seasonal smoothing of one history before its level is pulled toward the year (<see cref="DemandBaselines.FitSeasonalSmoothing"/>).
/// </summary>
/// <param name="Flat">The smoothed seasonally adjusted level and its quantiles, the same every day.</param>
/// <param name="DayIndices">Each forecast day's seasonal index (weekday times month start).</param>
/// <param name="Level">The smoothed adjusted level, units a day.</param>
/// <param name="YearMean">The mean adjusted units a day over the last <see cref="DemandBaselines.YearDays"/> days (all of them when fewer).</param>
public sealed record SeasonalSmoothingFit(QuantileForecast Flat, IReadOnlyList<float> DayIndices, double Level, double YearMean)
{
    /// <summary>Added to both sides of the ratio, so a level or year at 0 units has a finite drift.</summary>
    public const double DriftOffset = 0.1;

    /// <summary>ln((year mean + 0.1) / (level + 0.1)): above 0 when the level is under its year, below when over.</summary>
    public double Drift => Math.Log((YearMean + DriftOffset) / (Level + DriftOffset));

    /// <summary>What the level is multiplied by: 1 + pull × <see cref="Drift"/>, never under 0.</summary>
    public double PullFactor(double pull) => Math.Max(0, 1 + (pull * Drift));

    /// <summary>The forecast with the level multiplied by <see cref="PullFactor"/>, then each day by its index.</summary>
    public QuantileForecast Pulled(double pull)
    {
        var factor = (float)PullFactor(pull);
        var horizon = Flat.Horizon;
        var (mean, p10, p50, p90) = (new float[horizon], new float[horizon], new float[horizon], new float[horizon]);
        for (var h = 0; h < horizon; h++)
        {
            var index = factor * DayIndices[h];
            (mean[h], p10[h], p50[h], p90[h]) = (Flat.Mean[h] * index, Flat.P10[h] * index, Flat.P50[h] * index, Flat.P90[h] * index);
        }

        return new QuantileForecast(mean, p10, p50, p90);
    }

    /// <summary>
    /// The pull with the least squared error of the pulled means against what followed, each window's errors divided
    /// by its RMSSE scale (<see cref="ForecastScores.SquaredScale"/>), so each counts as it does in mean RMSSE: the
    /// closed-form least squares of (actual − unpulled) on unpulled × drift, kept within [0, 1]. 0 when no window has
    /// a drift or a scale.
    /// </summary>
    public static double FitPull(IEnumerable<YearPullWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        double numerator = 0, denominator = 0;
        foreach (var w in windows)
        {
            if (!(w.Scale > 0))
            {
                continue;
            }

            var drift = w.Fit.Drift;
            for (var h = 0; h < w.Actual.Count; h++)
            {
                var unpulled = w.Fit.Flat.Mean[h] * w.Fit.DayIndices[h];
                var z = unpulled * drift;
                numerator += z * (w.Actual[h] - unpulled) / w.Scale;
                denominator += z * z / w.Scale;
            }
        }

        return denominator > 0 ? Math.Clamp(numerator / denominator, 0, 1) : 0;
    }
}

/// <summary>One forecast of the pull's fit: the smoothing before the pull, the days that followed, and the history's RMSSE scale.</summary>
public sealed record YearPullWindow(SeasonalSmoothingFit Fit, IReadOnlyList<float> Actual, double Scale);
