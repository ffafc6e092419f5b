namespace EcomOrleans.Merchandising.Forecasting;

/// <summary>
/// The classical forecasters every model is measured against, and what the SKU grain falls back to when a SKU has
/// too little history for the model: simple exponential smoothing, the same of seasonally adjusted demand, and weekly
/// seasonal naive. Their quantiles come from
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

    /// <summary>
    /// Days of history the served forecasters read, and the seasonal indices of <see cref="SeasonalSmoothing"/> are
    /// measured over: two years (104 weeks), so every weekday and every month start is seen about a hundred times and
    /// a season's level shift is smoothed, not profiled.
    /// </summary>
    public const int HistoryDays = 728;

    /// <summary>Days 1 to this of a calendar month are "month start" for <see cref="SeasonalSmoothing"/> (pay days, and in the US the SNAP days of many states).</summary>
    public const int MonthStartDays = 10;

    /// <summary>Expected units an index needs before it moves halfway from 1 toward its raw ratio (the n / (n + k) shrinkage).</summary>
    public const double IndexShrinkage = 20;

    /// <summary>
    /// How far <see cref="SeasonalSmoothing"/> pulls the smoothed level toward the last year's mean: the level is
    /// multiplied by 1 + pull × ln((year mean + 0.1) / (level + 0.1)) (<see cref="SeasonalSmoothingFit.PullFactor"/>).
    /// Fitted by least squares over every window of the M5 backtest, pooled across its series (`evaluate
    /// demand-backtest` prints the fit; docs/demand.md): a level far above its year, the days after a promotion's or an
    /// event's spike, is brought most of the way back; one near its year is hardly moved.
    /// </summary>
    public const double YearPull = 0.37;

    /// <summary>Days the year mean of <see cref="YearPull"/> is read over: 52 weeks, so each weekday counts alike.</summary>
    public const int YearDays = 364;

    /// <summary>
    /// Exponential smoothing of seasonally adjusted demand, its level pulled toward the year. Two multiplicative
    /// indices are read from the last <see cref="HistoryDays"/> days: the weekday's (its mean units against the mean of
    /// all days) and the month start's (days 1 to <see cref="MonthStartDays"/> against the rest), each shrunk toward 1
    /// by n / (n + 20) where n is the units those days would have sold at the mean rate, so a slow seller keeps a flat
    /// week. Each day's units are divided by its two indices and smoothed as <see cref="ExponentialSmoothing"/> does;
    /// the flat forecast (and its quantiles) is multiplied by the year pull's factor and by each forecast day's indices.
    /// </summary>
    /// <param name="firstDay">The calendar day of <c>history[0]</c>; the forecast starts the day after the history ends.</param>
    /// <param name="yearPull">0 leaves the smoothed level as it is; the served value is <see cref="YearPull"/>.</param>
    public static QuantileForecast SeasonalSmoothing(ReadOnlySpan<float> history, DateOnly firstDay, int horizon, double yearPull = YearPull) =>
        FitSeasonalSmoothing(history, firstDay, horizon).Pulled(yearPull);

    /// <summary>
    /// <see cref="SeasonalSmoothing"/> before the year pull, with the level and year mean the pull reads: what the
    /// backtest fits <see cref="YearPull"/> on.
    /// </summary>
    public static SeasonalSmoothingFit FitSeasonalSmoothing(ReadOnlySpan<float> history, DateOnly firstDay, int horizon)
    {
        if (history.Length < ExponentialSmoothingMinimumDays)
        {
            throw new ArgumentException($"Seasonal smoothing needs at least {ExponentialSmoothingMinimumDays} days of history; got {history.Length}.", nameof(history));
        }

        var indices = SeasonalIndices.Measure(history, firstDay);
        var adjusted = new float[history.Length];
        for (var t = 0; t < history.Length; t++)
        {
            adjusted[t] = history[t] / indices.Of(firstDay.AddDays(t));
        }

        var flat = ExponentialSmoothing(adjusted, horizon);
        var year = adjusted.AsSpan(Math.Max(0, adjusted.Length - YearDays));
        double yearSum = 0;
        foreach (var units in year)
        {
            yearSum += units;
        }

        var days = new float[horizon];
        for (var h = 0; h < horizon; h++)
        {
            days[h] = indices.Of(firstDay.AddDays(history.Length + h));
        }

        return new SeasonalSmoothingFit(flat, days, flat.Mean[0], yearSum / year.Length);
    }

    /// <summary>
    /// <see cref="SeasonalSmoothing"/> of the last <see cref="HistoryDays"/> days of <paramref name="history"/>, dated
    /// from the first of them: what a SKU grain serves and the restock replay forecasts with.
    /// </summary>
    public static QuantileForecast RecentSeasonalSmoothing(ReadOnlySpan<float> history, DateOnly firstDay, int horizon)
    {
        var skip = Math.Max(0, history.Length - HistoryDays);
        return SeasonalSmoothing(history[skip..], firstDay.AddDays(skip), horizon);
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
                var miss = history[t] - level;
                error += miss * miss; // not Math.Pow: this loop runs 99 times a day of history on every refresh
                level += alpha * miss;
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
