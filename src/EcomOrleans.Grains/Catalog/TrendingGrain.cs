using EcomOrleans.Catalog;
using EcomOrleans.Grains.Common;
using EcomOrleans.Grains.Storage;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace EcomOrleans.Grains.Catalog;

/// <summary>
/// Catalog-wide ranking of SKUs by recent and lifetime demand, fed by SKU grains' reports (each SKU at
/// most once per report interval, so this grain sees a bounded rate however busy the store is). The
/// ranking is derived data, so it is written every <see cref="TrendingOptions.PersistInterval"/> and at
/// deactivation rather than on every report: writing thousands of entries per report would cost more
/// than the ranking is worth.
/// </summary>
[Reentrant]
[GrainType("trending")]
public sealed class TrendingGrain : Grain, ITrendingGrain
{
    /// <summary>Below this (a view decayed over about ten half-lives) a SKU no longer counts as trending.</summary>
    public const double MinimumTrendingScore = 0.001;

    private readonly IPersistentState<TrendingState> _state;
    private readonly TrendingOptions _options;
    private readonly TimeProvider _time;
    private bool _dirty;

    public TrendingGrain(
        [PersistentState(StorageNames.TrendingState, StorageNames.Provider)] IPersistentState<TrendingState> state,
        IOptions<TrendingOptions> options,
        TimeProvider time)
    {
        _state = state;
        _options = options.Value;
        _time = time;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(
            _ => SaveIfChangedAsync(),
            new GrainTimerCreationOptions(_options.PersistInterval, _options.PersistInterval) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SaveIfChangedAsync();

    private Dictionary<string, SkuDemandReport> Reports => _state.State.Reports;

    public Task ReportAsync(SkuDemandReport report)
    {
        Reports[report.Sku] = report;
        _dirty = true;
        if (Reports.Count > _options.MaxTracked)
        {
            var now = _time.GetUtcNow();
            var weakest = Reports.Values
                .OrderBy(r => Trending(r, now) + r.Units)
                .ThenBy(r => r.AsOf)
                .Take(Math.Max(1, _options.MaxTracked / 10))
                .Select(r => r.Sku)
                .ToList();
            foreach (var sku in weakest)
            {
                Reports.Remove(sku);
            }
        }

        return Task.CompletedTask;
    }

    private async Task SaveIfChangedAsync()
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            _dirty = true;
            throw;
        }
    }

    public Task<IReadOnlyList<RankedSku>> GetTrendingAsync(int count, string? category)
    {
        var now = _time.GetUtcNow();
        return Task.FromResult(Rank(category, count, r => Trending(r, now) is var score && score >= MinimumTrendingScore ? score : 0));
    }

    public Task<IReadOnlyList<RankedSku>> GetPopularAsync(int count, string? category) =>
        Task.FromResult(Rank(category, count, r => r.Units));

    private IReadOnlyList<RankedSku> Rank(string? category, int count, Func<SkuDemandReport, double> score) =>
        Reports.Values
            .Where(r => category is null || string.Equals(r.Category, category, StringComparison.Ordinal))
            .Select(r => new RankedSku(r.Sku, score(r)))
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Sku, StringComparer.Ordinal)
            .Take(Math.Max(0, count))
            .ToList();

    private double Trending(SkuDemandReport r, DateTimeOffset now) => DecayedScore.At(r.TrendingScore, r.AsOf, now, _options.HalfLife);
}
