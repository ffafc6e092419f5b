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

    public void Count(SkuEvent e, decimal unitPrice, DateTimeOffset now)
    {
        state.Totals.Add(e.Kind, e.Quantity, unitPrice);
        (state.TrendingScore, state.TrendingAsOf) = DecayedScore.Add(
            state.TrendingScore, state.TrendingAsOf, DecayedScore.WeightOf(e.Kind), e.Timestamp, trendingHalfLife);
        var hour = DemandBuckets.HourStart(e.Timestamp);
        if (hour >= HourlyCutoff(now))
        {
            DemandBuckets.GetOrAdd(state.Hourly, hour).Add(e.Kind, e.Quantity, unitPrice);
        }

        var day = DemandBuckets.DayStart(e.Timestamp);
        if (day >= DailyCutoff(now))
        {
            DemandBuckets.GetOrAdd(state.Daily, day).Add(e.Kind, e.Quantity, unitPrice);
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

    public void Prune(DateTimeOffset now)
    {
        DemandBuckets.Prune(state.Hourly, HourlyCutoff(now));
        DemandBuckets.Prune(state.Daily, DailyCutoff(now));
    }

    public IEnumerable<DemandCountsState> Buckets(DemandGranularity granularity, DateTimeOffset now) => granularity == DemandGranularity.Hour
        ? state.Hourly.Where(b => b.Start >= HourlyCutoff(now))
        : state.Daily.Where(b => b.Start >= DailyCutoff(now));

    private DateTimeOffset HourlyCutoff(DateTimeOffset now) => DemandBuckets.HourStart(now - options.HourlyRetention);

    private DateTimeOffset DailyCutoff(DateTimeOffset now) => DemandBuckets.DayStart(now - options.DailyRetention);
}
