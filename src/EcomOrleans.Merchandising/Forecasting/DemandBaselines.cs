namespace EcomOrleans.Merchandising.Forecasting;

/// <summary>
/// The two classical forecasters every model is measured against, and what the SKU grain falls back to when a SKU has
/// too little history for the model: simple exponential smoothing and weekly seasonal naive. Their quantiles come from
/// the empirical distribution of their own in-sample errors (the last <see cref="ResidualWindow"/> days), widened with
/// the horizon as each method's error variance grows, and never below 0 units.
/// </summary>
public static class DemandBaselines
{
    /// <summary>Days of in-sample errors the quantiles are read from: a year, so a season's errors count.</summary>
    public const int ResidualWindow = 364;

    /// <summary>Days seasonal naive needs: one whole week.</summary>
    public const int SeasonalNaiveMinimumDays = 7;

    /// <summary>Days exponential smoothing needs before its fitted smoothing factor means anything: two weeks.</summary>
    public const int ExponentialSmoothingMinimumDays = 14;

    /// <summary>
    /// Weekly seasonal naive: day h after the origin repeats the same weekday of the last observed week. Quantiles:
    /// the point plus the p10/p50/p90 of the in-sample weekly changes, times √k for the k-th week ahead.
    /// </summary>
    public static QuantileForecast SeasonalNaive(ReadOnlySpan<float> history, int horizon)
    {
        if (history.Length < SeasonalNaiveMinimumDays)
        {
            throw new ArgumentException($"Seasonal naive needs at least {SeasonalNaiveMinimumDays} days of history; got {history.Length}.", nameof(history));
        }

        var residuals = new List<float>();
        for (var t = Math.Max(7, history.Length - ResidualWindow); t < history.Length; t++)
        {
            residuals.Add(history[t] - history[t - 7]);
        }

        var point = new float[horizon];
        var spread = new float[horizon];
        for (var h = 0; h < horizon; h++)
        {
            point[h] = history[history.Length - 7 + (h % 7)];
            spread[h] = MathF.Sqrt((h / 7) + 1);
        }

        return WithQuantiles(point, point, spread, residuals);
    }

    /// <summary>
    /// Simple exponential smoothing with the smoothing factor (0.01..0.99) that minimises the in-sample one-step
    /// squared error; the forecast is the final level, flat. Quantiles: the level plus the p10/p50/p90 of the one-step
    /// errors, times √(1 + (h − 1)α²) h days ahead (the method's h-step error variance).
    /// </summary>
    public static QuantileForecast ExponentialSmoothing(ReadOnlySpan<float> history, int horizon)
    {
        if (history.Length < 2)
        {
            throw new ArgumentException($"Exponential smoothing needs at least 2 days of history; got {history.Length}.", nameof(history));
        }

        var (alpha, level) = FitSmoothing(history);
        var residuals = new List<float>();
        var running = (double)history[0];
        var residualStart = Math.Max(1, history.Length - ResidualWindow);
        for (var t = 1; t < history.Length; t++)
        {
            if (t >= residualStart)
            {
                residuals.Add((float)(history[t] - running));
            }

            running += alpha * (history[t] - running);
        }

        var point = new float[horizon];
        var spread = new float[horizon];
        for (var h = 0; h < horizon; h++)
        {
            point[h] = (float)level;
            spread[h] = (float)Math.Sqrt(1 + (h * alpha * alpha));
        }

        return WithQuantiles(point, point, spread, residuals);
    }

    /// <summary>Weeks the weekday profile of <see cref="WeekdaySmoothing"/> is read from.</summary>
    public const int ProfileWeeks = 8;

    /// <summary>
    /// Exponential smoothing of weekday-adjusted demand: each day's units are divided by its weekday's index (the
    /// weekday's mean over the last <see cref="ProfileWeeks"/> weeks against the mean of all days, shrunk toward 1 by
    /// n / (n + 20) where n is the units in those weeks, so a slow seller keeps a flat week), smoothed as
    /// <see cref="ExponentialSmoothing"/> does, and the flat forecast multiplied back by each forecast day's index.
    /// The day h after the origin is weekday (history.Length + h) mod 7 of the history's own count.
    /// </summary>
    public static QuantileForecast WeekdaySmoothing(ReadOnlySpan<float> history, int horizon)
    {
        if (history.Length < ExponentialSmoothingMinimumDays)
        {
            throw new ArgumentException($"Weekday smoothing needs at least {ExponentialSmoothingMinimumDays} days of history; got {history.Length}.", nameof(history));
        }

        var index = WeekdayIndex(history);
        var adjusted = new float[history.Length];
        for (var t = 0; t < history.Length; t++)
        {
            adjusted[t] = history[t] / index[t % 7];
        }

        var flat = ExponentialSmoothing(adjusted, horizon);
        var (mean, p10, p50, p90) = (new float[horizon], new float[horizon], new float[horizon], new float[horizon]);
        for (var h = 0; h < horizon; h++)
        {
            var day = index[(history.Length + h) % 7];
            (mean[h], p10[h], p50[h], p90[h]) = (flat.Mean[h] * day, flat.P10[h] * day, flat.P50[h] * day, flat.P90[h] * day);
        }

        return new QuantileForecast(mean, p10, p50, p90);
    }

    /// <summary>Multiplicative weekday indices, by day position mod 7, read from the last <see cref="ProfileWeeks"/> whole weeks.</summary>
    public static float[] WeekdayIndex(ReadOnlySpan<float> history)
    {
        var index = new float[] { 1, 1, 1, 1, 1, 1, 1 };
        var days = Math.Min(history.Length / 7, ProfileWeeks) * 7;
        var start = history.Length - days;
        double total = 0;
        var sums = new double[7];
        for (var t = start; t < history.Length; t++)
        {
            sums[t % 7] += history[t];
            total += history[t];
        }

        if (total <= 0)
        {
            return index;
        }

        var shrink = total / (total + 20);
        for (var d = 0; d < 7; d++)
        {
            var raw = sums[d] / (total / 7);
            index[d] = (float)Math.Max(0.05, 1 + (shrink * (raw - 1)));
        }

        return index;
    }

    /// <summary>The smoothing factor (0.01..0.99, step 0.01) with the least in-sample one-step squared error, and the final level.</summary>
    public static (double Alpha, double Level) FitSmoothing(ReadOnlySpan<float> history)
    {
        var best = (Alpha: 0.5, Level: (double)history[^1], Error: double.PositiveInfinity);
        for (var step = 1; step <= 99; step++)
        {
            var alpha = step / 100.0;
            double level = history[0];
            double error = 0;
            for (var t = 1; t < history.Length; t++)
            {
                error += Math.Pow(history[t] - level, 2);
                level += alpha * (history[t] - level);
            }

            if (error < best.Error)
            {
                best = (alpha, level, error);
            }
        }

        return (best.Alpha, best.Level);
    }

    /// <summary>
    /// Quantiles around <paramref name="centre"/>: the centre plus each level's empirical quantile of
    /// <paramref name="residuals"/>, times the day's spread, clamped at 0 and kept in order (p10 ≤ p50 ≤ p90).
    /// </summary>
    public static QuantileForecast WithQuantiles(float[] mean, float[] centre, float[] spread, IReadOnlyList<float> residuals)
    {
        var sorted = residuals.Order().ToArray();
        var (q10, q50, q90) = sorted.Length == 0 ? (0f, 0f, 0f) : (Empirical(sorted, 0.1), Empirical(sorted, 0.5), Empirical(sorted, 0.9));
        var horizon = mean.Length;
        var (p10, p50, p90) = (new float[horizon], new float[horizon], new float[horizon]);
        for (var h = 0; h < horizon; h++)
        {
            p10[h] = Math.Max(0, centre[h] + (q10 * spread[h]));
            p50[h] = Math.Max(p10[h], centre[h] + (q50 * spread[h]));
            p90[h] = Math.Max(p50[h], centre[h] + (q90 * spread[h]));
        }

        return new QuantileForecast([.. mean.Select(m => Math.Max(0, m))], p10, p50, p90);
    }

    /// <summary>The <paramref name="level"/> quantile of sorted values, interpolated between the two nearest ranks.</summary>
    public static float Empirical(IReadOnlyList<float> sorted, double level)
    {
        var position = level * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(sorted.Count - 1, lower + 1);
        return (float)(sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower])));
    }
}
