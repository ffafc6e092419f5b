using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Merchandising.Restock;
using EcomOrleans.Models.Demand;

namespace EcomOrleans.Training.Restock;

/// <summary>
/// Replays the last days of each series against the fixed rule and the restock policy with the same lead time, review
/// calendar and opening stock. Each series starts <see cref="WarmUpDays"/> days in at the earliest, with the fixed
/// rule's order on hand (28 days of the 28-day trailing mean demand, the same for every rule so none starts ahead).
/// Forecasts depend only on the history and the horizon, never on the service level, so each review's forecast is
/// made once and reused by every service level.
/// </summary>
internal sealed class RestockBacktest
{
    /// <summary>Days of history before the first simulated day, at least: eight weeks, so the forecaster and the fixed rule's 28-day mean have data.</summary>
    public const int WarmUpDays = 56;

    /// <summary>The rule of thumb with its defaults (14 days to reorder at, 28 to order, 28-day mean); it holds no state.</summary>
    private static readonly FixedRestockRule FixedRule = new();

    private readonly IReadOnlyList<DemandSeries> _series;
    private readonly RestockSimulationOptions[] _options;
    private readonly DemandForecaster[] _forecasters;

    /// <param name="series">Series shorter than <see cref="WarmUpDays"/> + 1 days are left out.</param>
    /// <param name="days">Last days of each series replayed (fewer when a series is shorter than the warm-up plus this).</param>
    public RestockBacktest(IReadOnlyList<DemandSeries> series, int days, int leadTimeDays, int reviewPeriodDays, DemandForecaster forecaster)
        : this(series, days, leadTimeDays, reviewPeriodDays, _ => forecaster)
    {
    }

    /// <param name="forecasterOf">The forecaster for one series (one that reads the calendar needs the series' first day).</param>
    public RestockBacktest(IReadOnlyList<DemandSeries> series, int days, int leadTimeDays, int reviewPeriodDays, Func<DemandSeries, DemandForecaster> forecasterOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        (LeadTimeDays, ReviewPeriodDays) = (leadTimeDays, reviewPeriodDays);
        _series = [.. series.Where(s => s.Length > WarmUpDays)];
        _options = [.. _series.Select(s => Options(s.Units, days))];
        _forecasters = [.. _series.Select(s => Cached(forecasterOf(s)))];
    }

    public int LeadTimeDays { get; }

    public int ReviewPeriodDays { get; }

    public IReadOnlyList<DemandSeries> Series => _series;

    /// <summary>First simulated day of each series.</summary>
    public IEnumerable<int> StartDays => _options.Select(o => o.StartDay);

    public RestockRun Fixed() => Run(null, _ => FixedRule, null);

    /// <param name="seriesDone">Called after each series, for progress: the first service level makes the forecasts.</param>
    public RestockRun Policy(double serviceLevel, Action? seriesDone = null) =>
        Run(serviceLevel, s => new PolicyRestockRule(new RestockSettings { LeadTimeDays = LeadTimeDays, ReviewPeriodDays = ReviewPeriodDays, ServiceLevel = serviceLevel }, _forecasters[s]),
            seriesDone);

    private RestockRun Run(double? serviceLevel, Func<int, IRestockRule> rule, Action? seriesDone)
    {
        var results = new RestockSimulation[_series.Count];
        for (var s = 0; s < _series.Count; s++)
        {
            results[s] = RestockSimulator.Run(_series[s].Units, rule(s), _options[s]);
            seriesDone?.Invoke();
        }

        return new RestockRun(serviceLevel, results);
    }

    private RestockSimulationOptions Options(float[] units, int days)
    {
        var start = Math.Max(WarmUpDays, units.Length - days);
        var opening = Math.Ceiling(FixedRule.OrderDays * FixedRestockRule.MeanDailyDemand(units.AsSpan(0, start), FixedRule.WindowDays));
        return new RestockSimulationOptions(LeadTimeDays, ReviewPeriodDays, start, opening);
    }

    /// <summary>
    /// What a SKU grain forecasts with when the model is not used: seasonal smoothing of the last
    /// <see cref="DemandBaselines.HistoryDays"/> days, dated from <paramref name="series"/>' first day.
    /// </summary>
    public static DemandForecaster SeasonalSmoothing(DemandSeries series) =>
        (history, horizon) => DemandBaselines.RecentSeasonalSmoothing(history, series.Start, horizon);

    /// <summary>The forecaster, remembering each review's forecast by the length of the history it saw (one series, one horizon).</summary>
    private static DemandForecaster Cached(DemandForecaster forecaster)
    {
        var cache = new Dictionary<(int, int), QuantileForecast>();
        return (history, horizon) =>
        {
            if (!cache.TryGetValue((history.Length, horizon), out var forecast))
            {
                cache[(history.Length, horizon)] = forecast = forecaster(history, horizon);
            }

            return forecast;
        };
    }
}
