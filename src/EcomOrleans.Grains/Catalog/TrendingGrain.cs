using EcomOrleans.Catalog;
using EcomOrleans.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace EcomOrleans.Grains.Catalog;

/// <summary>
/// A demand ranking: a category's (SKU grains report to it) or the catalog-wide one (category grains send it their
/// leaders every report interval). The ranking is derived data, so it is written every
/// <see cref="TrendingOptions.PersistInterval"/> when it changed, not on every report.
/// </summary>
[Reentrant]
[GrainType("trending")]
public sealed partial class TrendingGrain : Grain, ITrendingGrain
{
    private readonly IPersistentState<TrendingState> _state;
    private readonly TrendingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TrendingGrain> _logger;
    private readonly Dictionary<string, List<string>> _leadersByCategory = new(StringComparer.Ordinal);
    private DemandRanking _ranking = null!;
    private bool _dirty;
    private bool _unsent;

    public TrendingGrain(
        [PersistentState(StorageNames.TrendingState, StorageNames.Provider)] IPersistentState<TrendingState> state,
        IOptions<TrendingOptions> options,
        TimeProvider time,
        ILogger<TrendingGrain> logger)
    {
        _state = state;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private bool IsCatalogWide => this.GetPrimaryKeyString() == ITrendingGrain.AllCategories;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ranking = new DemandRanking(_state.State.Reports, IsCatalogWide ? _options.MaxTrackedCatalogWide : _options.MaxTrackedPerCategory, _options.HalfLife);
        // The catalog-wide ranking replaces a category's leaders on each merge, so it needs to know which they were.
        foreach (var byCategory in IsCatalogWide ? _ranking.Reports.GroupBy(r => r.Category ?? "") : [])
        {
            _leadersByCategory[byCategory.Key] = [.. byCategory.Select(r => r.Sku)];
        }

        this.RegisterGrainTimer(
            _ => SaveIfChangedAsync(),
            new GrainTimerCreationOptions(_options.PersistInterval, _options.PersistInterval) { KeepAlive = false });
        if (!IsCatalogWide && _options.ReportInterval > TimeSpan.Zero)
        {
            this.RegisterGrainTimer(
                _ => SendLeadersAsync(),
                new GrainTimerCreationOptions(_options.ReportInterval, _options.ReportInterval) { KeepAlive = false });
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // NOTE: no grain call here (the leaders go at the next tick of a reactivated grain, and the catalog-wide grain
        // keeps what it had): while the silo stops, a call to a grain that is stopping too may never be answered.
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown && !_options.SaveWhenSiloStops)
        {
            return;
        }

        try
        {
            await SaveIfChangedAsync();
        }
        catch (Exception ex)
        {
            // Derived data: the SKUs report again. Storage may already be gone when the silo stops.
            LogSaveFailed(_logger, ex, this.GetPrimaryKeyString());
        }
    }

    public async Task ReportAsync(SkuDemandReport report)
    {
        // A category's ranking is keyed by its category: each report need not store it again (a category may be 200
        // characters; the stored ranking stays far below Azure Tables' 960 KB a state, see StateSizeBounds).
        _ranking.Report(IsCatalogWide ? report : report with { Category = null }, _time.GetUtcNow());
        _dirty = true;
        _unsent = true;
        if (_options.ReportInterval == TimeSpan.Zero)
        {
            await SendLeadersAsync();
        }
    }

    public Task MergeAsync(string category, IReadOnlyList<SkuDemandReport> top)
    {
        var now = _time.GetUtcNow();

        // The catalog-wide ranking only needs to know which leaders came from which category, to replace them: it
        // keeps a 64-bit tag of the category, not its text, so its stored state does not grow with category names.
        category = CategoryTag(category);
        if (_leadersByCategory.Remove(category, out var previous))
        {
            foreach (var sku in previous)
            {
                _ranking.Remove(sku);
            }
        }

        foreach (var report in top)
        {
            _ranking.Report(report with { Category = category }, now);
        }

        _leadersByCategory[category] = [.. top.Select(r => r.Sku)];
        _dirty = true;
        return Task.CompletedTask;
    }

    internal static string CategoryTag(string category) =>
        StableHash.Of(category).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public Task<IReadOnlyList<RankedSku>> GetTrendingAsync(int count) =>
        Task.FromResult(_ranking.TopTrending(count, _time.GetUtcNow()));

    public Task<IReadOnlyList<RankedSku>> GetPopularAsync(int count) =>
        Task.FromResult(_ranking.TopUnits(count));

    private Task SendLeadersAsync()
    {
        if (IsCatalogWide || !_unsent)
        {
            return Task.CompletedTask;
        }

        _unsent = false;
        var category = this.GetPrimaryKeyString()["category:".Length..];
        var leaders = _ranking.Leaders(_options.LeadersPerCategory, _time.GetUtcNow());
        return GrainFactory.Reference<ITrendingGrain>(ITrendingGrain.AllCategories).MergeAsync(category, leaders);
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

    [LoggerMessage(2421, LogLevel.Warning, "Trending ranking {Key} could not be saved at deactivation; it is rebuilt from the SKUs' next reports")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, string key);
}
