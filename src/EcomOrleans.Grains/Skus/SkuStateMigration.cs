using EcomOrleans.Grains.Common;

namespace EcomOrleans.Grains.Skus;

/// <summary>Moves the history that state written before the hot/cold split kept in <see cref="SkuState"/> into <see cref="SkuDemandState"/>.</summary>
public static class SkuStateMigration
{
    /// <param name="demandExists">Whether the demand state has a stored record: if so it is newer than any legacy copy.</param>
    /// <returns>True when the hot state held history (it should be written without it).</returns>
    public static bool Migrate(SkuState hot, SkuDemandState demand, bool demandExists, int dedupWindow)
    {
        if (hot.Totals is null && hot.Hourly is null && hot.Daily is null && hot.RecentEventKeys is null && hot.CoViews is null && hot.TrendingScore is null)
        {
            return false;
        }

        if (!demandExists)
        {
            demand.Totals = hot.Totals ?? new();
            demand.Hourly = hot.Hourly ?? [];
            demand.Daily = hot.Daily ?? [];
            demand.TrendingScore = hot.TrendingScore ?? 0;
            demand.TrendingAsOf = hot.TrendingAsOf ?? default;
            demand.CoViews = hot.CoViews is { } coViews ? new(coViews, StringComparer.Ordinal) : new(StringComparer.Ordinal);
            demand.UpdatedAt = hot.UpdatedAt;
            var ring = new DedupRing(demand.Dedup, dedupWindow);
            foreach (var key in hot.RecentEventKeys ?? [])
            {
                ring.TryAdd(key);
            }
        }

        hot.Totals = null;
        hot.Hourly = null;
        hot.Daily = null;
        hot.RecentEventKeys = null;
        hot.TrendingScore = null;
        hot.TrendingAsOf = null;
        hot.CoViews = null;
        return true;
    }
}
