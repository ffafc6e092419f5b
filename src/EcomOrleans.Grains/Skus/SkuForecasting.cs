using System.Globalization;
using EcomOrleans.Inference;
using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// The SKU grain's forecasting, without the grain: the daily history it forecasts from, the baseline chain when the
/// model cannot be used, the served blend when it can, when a forecast is due, and scoring the days that have closed.
/// </summary>
public static class SkuForecasting
{
    /// <summary>
    /// The days before <paramref name="today"/> since the first day with recorded demand (at most the unit history's
    /// retention), oldest first: units sold (<see cref="SkuDemandState.UnitHistory"/>) and the average price paid
    /// (revenue / units, from the daily buckets), or the catalog price on a day without sales or older than the buckets.
    /// Empty when nothing was recorded before today.
    /// </summary>
    public static DemandHistory History(string sku, SkuDemandState demand, decimal catalogPrice, DateOnly today)
    {
        var (first, units) = UnitHistory.Of(demand).Before(today);
        if (units.Length == 0)
        {
            return new DemandHistory(sku, today, [], []);
        }

        var prices = Enumerable.Repeat((float)catalogPrice, units.Length).ToArray();
        foreach (var bucket in demand.Daily)
        {
            var index = DayOf(bucket.Start).DayNumber - first.DayNumber;
            if (index >= 0 && index < units.Length && bucket.Units > 0 && bucket.Revenue > 0)
            {
                prices[index] = (float)(bucket.Revenue / bucket.Units);
            }
        }

        return new DemandHistory(sku, first, units, prices);
    }

    /// <summary>Days of history sent to the demand model: its window is 56, and the rest of a two-year history would only travel.</summary>
    public const int ModelHistoryDays = 120;

    /// <summary>The last <see cref="ModelHistoryDays"/> days of <paramref name="history"/>, for the inference pool.</summary>
    public static DemandHistory ForTheModel(DemandHistory history)
    {
        var skip = Math.Max(0, history.Units.Length - ModelHistoryDays);
        return skip == 0 ? history : history with { FirstDay = history.FirstDay.AddDays(skip), Units = history.Units[skip..], Prices = history.Prices[skip..] };
    }

    /// <summary>
    /// Whether a forecast made at <paramref name="madeAt"/> is due for remaking at <paramref name="now"/>: never made,
    /// made before today (UTC), or older than <see cref="ForecastOptions.RefreshInterval"/>.
    /// </summary>
    public static bool IsDue(SkuForecast? forecast, DateTimeOffset now, ForecastOptions options) =>
        forecast is null || DayOf(forecast.MadeAt) < DayOf(now) || now - forecast.MadeAt >= options.RefreshInterval;

    /// <summary>
    /// The baseline for a history too short for the model, or when the model could not be used: seasonal smoothing
    /// (exponential smoothing of weekday- and month-start-adjusted demand) from two weeks of history, seasonal naive from
    /// one, else no forecast (0 units a day). The reason says which and why, after <paramref name="why"/> (e.g. "the
    /// demand model is not loaded").
    /// </summary>
    public static SkuForecast Baseline(DemandHistory history, DateTimeOffset now, int horizon, string why)
    {
        var days = history.Units.Length;
        var firstDay = history.FirstDay.AddDays(days);
        if (days >= DemandBaselines.ExponentialSmoothingMinimumDays)
        {
            return Of(Smoothing(history, horizon), firstDay, ForecastMethods.SeasonalSmoothing, null, now, days,
                $"{why}: seasonal smoothing of {Days(days)}");
        }

        if (days >= DemandBaselines.SeasonalNaiveMinimumDays)
        {
            return Of(DemandBaselines.SeasonalNaive(history.Units, horizon), firstDay, ForecastMethods.SeasonalNaive, null, now, days,
                $"{why}; {Days(days)} is too little for seasonal smoothing ({DemandBaselines.ExponentialSmoothingMinimumDays}): seasonal naive, the last week repeated");
        }

        var zero = new float[horizon];
        return new SkuForecast(firstDay, zero, zero, zero, zero, ForecastMethods.None, null, now, days,
            $"{why}; {Days(days)} is under the week seasonal naive needs: no forecast yet");
    }

    /// <summary>The served forecast: the model's blended with seasonal smoothing of the same history, with the weight and spread the backtest chose.</summary>
    public static SkuForecast Blend(DemandForecast model, DemandHistory history, DateTimeOffset now)
    {
        var horizon = model.Mean.Length;
        var blend = new ForecastBlend(model.BlendWeight, model.QuantileScale);
        var combined = blend.Combine(new QuantileForecast(model.Mean, model.P10, model.P50, model.P90), Smoothing(history, horizon));
        return Of(combined, model.FirstDay, ForecastMethods.Blend, model.ModelVersion, now, history.Units.Length,
            string.Create(CultureInfo.InvariantCulture,
                $"{Days(history.Units.Length)} of history: demand model v{model.ModelVersion} blended with seasonal smoothing (model weight {model.BlendWeight:0.##}, quantile spread {model.QuantileScale:0.##}, chosen by the backtest)"));
    }

    /// <summary>Seasonal smoothing of the last <see cref="DemandBaselines.HistoryDays"/> days: what the backtest scored.</summary>
    private static QuantileForecast Smoothing(DemandHistory history, int horizon) =>
        DemandBaselines.RecentSeasonalSmoothing(history.Units, history.FirstDay, horizon);

    /// <summary>
    /// Scores the days from the one after <see cref="SkuPlanState.ScoredThrough"/> to yesterday that the forecast in
    /// force covers, against the units the daily buckets hold, keeping the last <paramref name="keep"/> days.
    /// Returns the number of days scored.
    /// </summary>
    public static int ScoreClosedDays(SkuPlanState plan, SkuDemandState demand, DateOnly today, int keep)
    {
        if (plan.Forecast is not { } forecast)
        {
            return 0;
        }

        var from = forecast.FirstDay > plan.ScoredThrough ? forecast.FirstDay : plan.ScoredThrough.AddDays(1);
        var scored = 0;
        for (var day = from; day < today && day.DayNumber - forecast.FirstDay.DayNumber < forecast.Horizon; day = day.AddDays(1))
        {
            var h = day.DayNumber - forecast.FirstDay.DayNumber;
            var actual = demand.Daily.FirstOrDefault(b => DayOf(b.Start) == day)?.Units ?? 0;
            var scoredDay = new ForecastedDay(day, actual, forecast.Mean[h], forecast.P10[h], forecast.P90[h], forecast.Method);
            plan.Recent.Add(scoredDay);
            plan.Errors.Add(scoredDay);
            plan.ScoredThrough = day;
            scored++;
        }

        if (plan.Recent.Count > keep)
        {
            plan.Recent.RemoveRange(0, plan.Recent.Count - keep);
        }

        return scored;
    }

    public static DateOnly DayOf(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);

    private static SkuForecast Of(QuantileForecast f, DateOnly firstDay, string method, string? version, DateTimeOffset now, int days, string reason) =>
        new(firstDay, Round(f.Mean), Round(f.P10), Round(f.P50), Round(f.P90), method, version, now, days, reason);

    /// <summary>Units to 0.001: the forecasts are stored and sent, and more digits are noise.</summary>
    private static float[] Round(float[] values) => [.. values.Select(v => MathF.Round(v, 3))];

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
