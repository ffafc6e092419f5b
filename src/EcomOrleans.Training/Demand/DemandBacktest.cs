using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Models.Demand;
using Spectre.Console;

namespace EcomOrleans.Training.Demand;

/// <summary>
/// A rolling-origin backtest: 14-day forecasts from every <c>every</c>-th day of the last <c>days</c> days of each
/// series, by seasonal naive, exponential smoothing, seasonal smoothing, the model, and the blend of the model and seasonal
/// smoothing the engine serves, each reading the last <see cref="DemandBaselines.HistoryDays"/> days before the origin.
/// The blend's weight and quantile scale at each origin are the ones that scored best on every earlier origin of every
/// series (the first origin uses <see cref="WarmupOrigins"/> origins before the backtest year), so no choice sees the
/// window it is scored on. The seasonal smoothing's year pull (<see cref="DemandBaselines.YearPull"/>) is fitted the
/// same way: at each origin, on the 14-day forecasts from every day of every series whose 14 days had ended by then.
/// The model must have been trained on days before the first origin (<c>train demand --cutoff</c>).
/// </summary>
internal static class DemandBacktest
{
    public const int WarmupOrigins = 4;

    /// <summary>The model weights tried: 0 (smoothing) to 1 (model) in tenths.</summary>
    public static readonly double[] Weights = [.. Enumerable.Range(0, 11).Select(i => i / 10.0)];

    /// <summary>The quantile spreads tried: 0.6 to 1.6 in tenths.</summary>
    public static readonly double[] Scales = [.. Enumerable.Range(6, 11).Select(i => i / 10.0)];

    public static BacktestResult Run(IReadOnlyList<DemandSeries> series, IDemandForecaster model, int days, int every)
    {
        // Series share their last day, so (day - length) puts every series' days on one time line.
        var pullWindows = PullWindows(series);
        AnsiConsole.MarkupLineInterpolated($"year pull: {pullWindows.Count:N0} daily forecasts to fit it on");
        double PullAt(int time) => SeasonalSmoothingFit.FitPull(pullWindows.Where(p => p.Time + DemandModelShape.Horizon <= time).Select(p => p.Window));

        var windows = new List<BacktestWindow>();
        var eligible = series.Where(s => s.Length - days >= DemandModelShape.Window).ToArray();
        AnsiConsole.MarkupLineInterpolated($"{eligible.Length} of {series.Count} series have {DemandModelShape.Window} days before the first origin");
        foreach (var s in eligible)
        {
            var first = s.Length - days;
            for (var origin = first - (WarmupOrigins * every); origin + DemandModelShape.Horizon <= s.Length; origin += every)
            {
                if (origin < DemandModelShape.Window)
                {
                    continue; // a warm-up origin before the series had a model window
                }

                // The forecasters read what a SKU grain keeps (DemandBaselines.HistoryDays); the scores are scaled by all of it.
                var start = Math.Max(0, origin - DemandBaselines.HistoryDays);
                var history = s.Units.AsSpan(start, origin - start);
                var actual = s.Units[origin..(origin + DemandModelShape.Horizon)];
                var seasonal = DemandBaselines.FitSeasonalSmoothing(history, s.DateAt(start), DemandModelShape.Horizon);
                var pull = PullAt(origin - s.Length);
                windows.Add(new BacktestWindow(s.Id, origin, origin >= first, actual, s.Units[..origin],
                    DemandBaselines.SeasonalNaive(history, DemandModelShape.Horizon), DemandBaselines.ExponentialSmoothing(history, DemandModelShape.Horizon),
                    seasonal.Pulled(pull), seasonal.Pulled(0), pull, model.Forecast(s, origin)));
            }

            AnsiConsole.MarkupLineInterpolated($"  {s.Id}: {windows.Count(w => w.Series == s.Id && w.Scored)} scored origins");
        }

        // The choice at an origin sees every window whose 14 days had ended by then, in any series.
        int Time(BacktestWindow w) => w.Origin - series.First(s => s.Id == w.Series).Length;
        var chosen = new Dictionary<BacktestWindow, ForecastBlend>();
        var chosenPerSeries = new Dictionary<BacktestWindow, ForecastBlend>();
        foreach (var group in windows.GroupBy(Time).OrderBy(g => g.Key))
        {
            var before = windows.Where(w => Time(w) + DemandModelShape.Horizon <= group.Key).ToArray();
            var blend = Choose(before);
            foreach (var w in group)
            {
                chosen[w] = blend;
                chosenPerSeries[w] = Choose([.. before.Where(b => b.Series == w.Series)]);
            }
        }

        var scored = windows.Where(w => w.Scored).ToArray();
        return new BacktestResult(
            [
                Score("seasonal naive", scored, w => w.SeasonalNaive),
                Score("exp. smoothing", scored, w => w.Smoothing),
                Score("seasonal smoothing, no pull", scored, w => w.SeasonalWithoutPull),
                Score("seasonal smoothing", scored, w => w.Seasonal),
                Score("LSTM", scored, w => w.Model),
                Score("per-series blend", scored, w => chosenPerSeries[w].Combine(w.Model, w.Seasonal)),
                Score("served blend", scored, w => chosen[w].Combine(w.Model, w.Seasonal)),
            ],
            scored, chosen, Choose(windows), SeasonalSmoothingFit.FitPull(pullWindows.Select(p => p.Window)));
    }

    /// <summary>
    /// Seasonal smoothing's 14-day forecast from every day of every series that has a model window before it, reading
    /// the last <see cref="DemandBaselines.HistoryDays"/> days as a SKU grain does, with what followed and the RMSSE
    /// scale of all the days before it; each on the shared time line (day - series length).
    /// </summary>
    private static List<(int Time, YearPullWindow Window)> PullWindows(IReadOnlyList<DemandSeries> series)
    {
        var windows = new List<(int, YearPullWindow)>();
        foreach (var s in series)
        {
            for (var day = DemandModelShape.Window; day + DemandModelShape.Horizon <= s.Length; day++)
            {
                var start = Math.Max(0, day - DemandBaselines.HistoryDays);
                var fit = DemandBaselines.FitSeasonalSmoothing(s.Units.AsSpan(start, day - start), s.DateAt(start), DemandModelShape.Horizon);
                windows.Add((day - s.Length, new YearPullWindow(fit, s.Units[day..(day + DemandModelShape.Horizon)], ForecastScores.SquaredScale(s.Units.AsSpan(0, day)))));
            }
        }

        return windows;
    }

    /// <summary>The weight with the least mean RMSSE of the mean, then the spread with the least mean scaled pinball loss, over <paramref name="windows"/>.</summary>
    public static ForecastBlend Choose(IReadOnlyList<BacktestWindow> windows)
    {
        if (windows.Count == 0)
        {
            return new ForecastBlend(0.5, 1);
        }

        var weight = Weights.MinBy(w => Mean(windows, x => ForecastScores.Rmsse(x.Actual, new ForecastBlend(w, 1).Combine(x.Model, x.Seasonal).Mean, x.History)));
        var scale = Scales.MinBy(c => Mean(windows, x => ForecastScores.ScaledPinball(x.Actual, new ForecastBlend(weight, c).Combine(x.Model, x.Seasonal), x.History)));
        return new ForecastBlend(weight, scale);
    }

    private static MethodScore Score(string name, IReadOnlyList<BacktestWindow> windows, Func<BacktestWindow, QuantileForecast> forecast)
    {
        var perSeries = windows.GroupBy(w => w.Series).Select(g => new SeriesBacktest(g.Key,
            Mean(g, w => ForecastScores.Rmsse(w.Actual, forecast(w).Mean, w.History)),
            Mean(g, w => ForecastScores.ScaledPinball(w.Actual, forecast(w), w.History)),
            g.Average(w => ForecastScores.Coverage(w.Actual, forecast(w).P90)))).ToArray();
        return new MethodScore(name, Mean(windows, w => ForecastScores.Rmsse(w.Actual, forecast(w).Mean, w.History)),
            Mean(windows, w => ForecastScores.ScaledPinball(w.Actual, forecast(w), w.History)),
            windows.Average(w => ForecastScores.Coverage(w.Actual, forecast(w).P90)), perSeries);
    }

    /// <summary>The mean over windows whose score is defined (a history that never changed has no scale).</summary>
    private static double Mean(IEnumerable<BacktestWindow> windows, Func<BacktestWindow, double> score) =>
        windows.Select(score).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
}
