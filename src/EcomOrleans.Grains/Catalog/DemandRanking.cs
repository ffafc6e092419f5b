using EcomOrleans.Catalog;
using EcomOrleans.Grains.Common;

namespace EcomOrleans.Grains.Catalog;

/// <summary>
/// The latest demand report of at most <see cref="Capacity"/> SKUs, ranked by trending (decayed) demand and by units
/// sold. Rankings are rebuilt only after a change: decayed scores all shrink at the same rate, so their order does not
/// move with time, only with new reports. Past the capacity the weakest tenth goes in one go.
/// </summary>
public sealed class DemandRanking(Dictionary<string, SkuDemandReport> reports, int capacity, TimeSpan halfLife)
{
    /// <summary>Below this (a view decayed over about ten half-lives) a SKU no longer counts as trending.</summary>
    public const double MinimumTrendingScore = 0.001;

    private SkuDemandReport[]? _byTrending;
    private SkuDemandReport[]? _byUnits;

    public int Capacity { get; } = capacity;

    public int Count => reports.Count;

    public IEnumerable<SkuDemandReport> Reports => reports.Values;

    public void Report(SkuDemandReport report, DateTimeOffset now)
    {
        reports[report.Sku] = report;
        Changed();
        if (reports.Count > Capacity)
        {
            foreach (var weakest in reports.Values.OrderBy(r => Trending(r, now) + r.Units).ThenBy(r => r.AsOf).Take(Math.Max(1, Capacity / 10)).ToList())
            {
                reports.Remove(weakest.Sku);
            }
        }
    }

    public void Remove(string sku)
    {
        if (reports.Remove(sku))
        {
            Changed();
        }
    }

    public IReadOnlyList<RankedSku> TopTrending(int count, DateTimeOffset now)
    {
        // Ranked by the score at a common instant (log2 of the score plus half-lives since a fixed epoch): the order
        // of decayed scores never changes without a new report.
        _byTrending ??= [.. reports.Values.Where(r => r.TrendingScore > 0)
            .OrderByDescending(r => Math.Log2(r.TrendingScore) + (r.AsOf - DateTimeOffset.UnixEpoch) / halfLife)
            .ThenBy(r => r.Sku, StringComparer.Ordinal)];
        return _byTrending.Select(r => new RankedSku(r.Sku, Trending(r, now)))
            .TakeWhile(r => r.Score >= MinimumTrendingScore)
            .Take(Math.Max(0, count))
            .ToList();
    }

    public IReadOnlyList<RankedSku> TopUnits(int count)
    {
        _byUnits ??= [.. reports.Values.Where(r => r.Units > 0).OrderByDescending(r => r.Units).ThenBy(r => r.Sku, StringComparer.Ordinal)];
        return _byUnits.Take(Math.Max(0, count)).Select(r => new RankedSku(r.Sku, r.Units)).ToList();
    }

    /// <summary>The reports of the best <paramref name="count"/> by either ranking.</summary>
    public List<SkuDemandReport> Leaders(int count, DateTimeOffset now) =>
        TopTrending(count, now).Concat(TopUnits(count)).Select(r => reports[r.Sku]).DistinctBy(r => r.Sku).ToList();

    private double Trending(SkuDemandReport r, DateTimeOffset now) => DecayedScore.At(r.TrendingScore, r.AsOf, now, halfLife);

    private void Changed()
    {
        _byTrending = null;
        _byUnits = null;
    }
}
