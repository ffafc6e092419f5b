using EcomOrleans.Merchandising.Pricing;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// A category's SKU standings, bounded: past <see cref="CategoryBoardOptions.MaxTracked"/> the standing with the least
/// demand and no lost units goes first (the leaderboard's tail). Works on the persisted dictionary in place.
/// </summary>
public sealed class CategoryBoard(Dictionary<string, SkuStanding> standings, int maxTracked)
{
    public IReadOnlyDictionary<string, SkuStanding> Standings => standings;

    public void Report(SkuStanding standing)
    {
        standings[standing.Sku] = standing;
        while (standings.Count > maxTracked)
        {
            standings.Remove(standings.Values.MinBy(s => (s.LostUnits > 0 ? 1 : 0, s.Units, s.Views, s.ReportedAt))!.Sku);
        }
    }

    public bool Remove(string sku) => standings.Remove(sku);

    public IReadOnlyList<SkuStanding> Leaders(LeaderboardSort sort, int count)
    {
        var ranked = sort switch
        {
            LeaderboardSort.Demand => standings.Values.OrderByDescending(s => s.Units),
            LeaderboardSort.LostUnits => standings.Values.Where(s => s.LostUnits > 0).OrderByDescending(s => s.LostUnits),
            LeaderboardSort.Cover => standings.Values.Where(s => s.DaysOfCover is not null).OrderBy(s => s.DaysOfCover),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Not a leaderboard sort."),
        };
        return [.. ranked.ThenByDescending(s => s.Units).ThenBy(s => s.Sku, StringComparer.Ordinal).Take(Math.Max(0, count))];
    }

    /// <summary>Views per purchase, most first (never bought first of all, by views), among SKUs with at least <paramref name="minimumViews"/> views.</summary>
    public IReadOnlyList<SkuStanding> ViewedNotBought(int count, int minimumViews) =>
        [.. standings.Values.Where(s => s.Views >= minimumViews && s.Views > s.Purchases)
            .OrderByDescending(s => s.Purchases == 0 ? double.PositiveInfinity : (double)s.Views / s.Purchases)
            .ThenByDescending(s => s.Views)
            .ThenBy(s => s.Sku, StringComparer.Ordinal)
            .Take(Math.Max(0, count))];

    /// <summary>The category's totals, its SKUs losing most to stock-outs and those viewed most per purchase.</summary>
    public CategoryGaps Gaps(string category, int count, int minimumViews)
    {
        long views = 0, purchases = 0, units = 0, lost = 0;
        foreach (var s in standings.Values)
        {
            views += s.Views;
            purchases += s.Purchases;
            units += s.Units;
            lost += s.LostUnits;
        }

        return new CategoryGaps(category, standings.Count, views, purchases, units, lost,
            Leaders(LeaderboardSort.LostUnits, count), ViewedNotBought(count, minimumViews));
    }

    /// <summary>The category prior from the SKUs' own fits (method of moments); null with fewer than two.</summary>
    public CategoryElasticity? Elasticity()
    {
        var fits = standings.Values
            .Where(s => s.Elasticity is { } b && double.IsFinite(b) && s.ElasticityStandardError is { } se && double.IsFinite(se) && se > 0)
            .Select(s => (s.Elasticity!.Value, s.ElasticityStandardError!.Value))
            .ToArray();
        if (fits.Length < 2)
        {
            return null;
        }

        var prior = CategoryPrior.FromEstimates(fits);
        return new CategoryElasticity(prior.Mean, prior.BetweenSkuVariance, prior.MeanVariance, prior.Skus);
    }
}
