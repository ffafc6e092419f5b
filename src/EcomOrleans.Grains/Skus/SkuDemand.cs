using EcomOrleans.Events;
using EcomOrleans.Grains.Common;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// Counts events into a SKU's demand history: lifetime totals, hourly and daily buckets within their retention, the
/// trending score (decayed with <paramref name="trendingHalfLife"/>) and bounded co-view counts. Works on the
/// persisted <see cref="SkuDemandState"/> in place.
/// </summary>
public sealed class SkuDemand(SkuDemandState state, SkuGrainOptions options, TimeSpan trendingHalfLife)
{
    public SkuDemandState State => state;

    public DedupRing Dedup { get; } = new(state.Dedup, options.DedupWindow);

    private readonly UnitHistory _units = UnitHistory.Of(state);

    /// <param name="outOfStock">Whether the SKU had no stock when the event came: a view then is demand that found none.</param>
    public void Count(SkuEvent e, decimal unitPrice, DateTimeOffset now, bool outOfStock = false)
    {
        var missed = outOfStock && e.Kind == EventKind.View;
        state.Totals.Add(e.Kind, e.Quantity, unitPrice);
        state.Totals.OutOfStockViews += missed ? 1 : 0;
        (state.TrendingScore, state.TrendingAsOf) = DecayedScore.Add(
            state.TrendingScore, state.TrendingAsOf, DecayedScore.WeightOf(e.Kind), e.Timestamp, trendingHalfLife);
        var hour = DemandBuckets.HourStart(e.Timestamp);
        if (hour >= HourlyCutoff(now))
        {
            var bucket = DemandBuckets.GetOrAdd(state.Hourly, hour);
            bucket.Add(e.Kind, e.Quantity, unitPrice);
            bucket.OutOfStockViews += missed ? 1 : 0;
        }

        var day = DemandBuckets.DayStart(e.Timestamp);
        if (day >= DailyCutoff(now))
        {
            var bucket = DemandBuckets.GetOrAdd(state.Daily, day);
            bucket.Add(e.Kind, e.Quantity, unitPrice);
            bucket.OutOfStockViews += missed ? 1 : 0;
        }

        // The edge takes timestamps at most minutes ahead; a day past tomorrow would only pad the history with zeros.
        if (SkuForecasting.DayOf(e.Timestamp) is var unitDay && unitDay >= UnitCutoff(now) && unitDay <= SkuForecasting.DayOf(now).AddDays(1))
        {
            _units.Add(unitDay, e.Kind == EventKind.Purchase ? e.Quantity : 0);
        }
    }

    /// <summary>Counts SKUs viewed just before this one in a session; <paramref name="self"/> is never its own co-view.</summary>
    public void CountCoViews(IEnumerable<string> coViewed, string self)
    {
        foreach (var other in coViewed)
        {
            if (!string.Equals(other, self, StringComparison.Ordinal))
            {
                var shared = StringPool.Intern(other);
                state.CoViews[shared] = state.CoViews.GetValueOrDefault(shared) + 1;
            }
        }

        while (state.CoViews.Count > options.MaxCoViews)
        {
            state.CoViews.Remove(state.CoViews.MinBy(c => (c.Value, c.Key)).Key);
        }
    }

    public IEnumerable<KeyValuePair<string, long>> TopCoViews(int count) =>
        state.CoViews.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(Math.Max(0, count));

    /// <summary>
    /// Units per view while in stock: over the retained daily buckets, or the lifetime totals when those hold no
    /// in-stock view; 0 when the SKU was never viewed in stock.
    /// </summary>
    public double InStockConversion()
    {
        double units = 0, views = 0;
        foreach (var day in state.Daily)
        {
            units += day.Units;
            views += day.Views - day.OutOfStockViews;
        }

        if (views <= 0)
        {
            (units, views) = (state.Totals.Units, state.Totals.Views - state.Totals.OutOfStockViews);
        }

        return views <= 0 ? 0 : units / views;
    }

    /// <summary>Demand lost to stock-outs, estimated: every out-of-stock view times <see cref="InStockConversion"/>, rounded.</summary>
    public long EstimatedLostUnits() => (long)Math.Round(state.Totals.OutOfStockViews * InStockConversion(), MidpointRounding.AwayFromZero);

    /// <summary>
    /// The SKU's standing over the last <paramref name="days"/> UTC days (today included): units, views, purchases, lost
    /// units (out-of-stock views times <see cref="InStockConversion"/>) and days of cover (stock over the forecast's mean
    /// a day, or the period's own mean without a forecast; null without demand).
    /// </summary>
    /// <param name="pendingPriceChange">A pending price suggestion's change as a fraction of the price, or null.</param>
    /// <param name="urgency">
    /// The restock decision's urgency (<see cref="RestockUrgencies"/>), so that the board's alerts say what
    /// <c>GET /api/skus/{sku}/decisions</c> says; null without a forecast, when only an empty shelf is urgent.
    /// </param>
    public SkuStanding Standing(
        string sku, int stock, double? elasticity, double? elasticityError, SkuForecast? forecast, double? pendingPriceChange, string? urgency, DateTimeOffset now,
        int days = 28)
    {
        var today = DemandBuckets.DayStart(now);
        var from = today.AddDays(1 - days);
        long units = 0, views = 0, purchases = 0, missed = 0, unitsToday = 0;
        foreach (var day in state.Daily.Where(d => d.Start >= from))
        {
            (units, views, purchases, missed) = (units + day.Units, views + day.Views, purchases + day.Purchases, missed + day.OutOfStockViews);
            unitsToday += day.Start == today ? day.Units : 0;
        }

        double? forecastPerDay = forecast is { Method: not ForecastMethods.None } f && f.Mean.Length > 0 ? Math.Round(f.Mean.Average(m => (double)m), 4) : null;
        var perDay = forecastPerDay ?? (double)units / days;
        double? cover = perDay > 0 ? Math.Round(Math.Max(0, stock) / perDay, 2) : null;
        var lost = (long)Math.Round(missed * InStockConversion(), MidpointRounding.AwayFromZero);
        urgency ??= stock <= 0 ? RestockUrgencies.OutOfStock : null;
        return new SkuStanding(sku, units, views, purchases, lost, stock, cover, elasticity, elasticityError, now, unitsToday, forecastPerDay, urgency, pendingPriceChange);
    }

    public void Prune(DateTimeOffset now)
    {
        DemandBuckets.Prune(state.Hourly, HourlyCutoff(now));
        DemandBuckets.Prune(state.Daily, DailyCutoff(now));
        _units.DropBefore(UnitCutoff(now));
    }

    public IEnumerable<DemandCountsState> Buckets(DemandGranularity granularity, DateTimeOffset now) => granularity == DemandGranularity.Hour
        ? state.Hourly.Where(b => b.Start >= HourlyCutoff(now))
        : state.Daily.Where(b => b.Start >= DailyCutoff(now));

    private DateTimeOffset HourlyCutoff(DateTimeOffset now) => DemandBuckets.HourStart(now - options.HourlyRetention);

    private DateTimeOffset DailyCutoff(DateTimeOffset now) => DemandBuckets.DayStart(now - options.DailyRetention);

    private DateOnly UnitCutoff(DateTimeOffset now) => SkuForecasting.DayOf(now - options.UnitHistoryRetention);
}
