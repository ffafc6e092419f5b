using EcomOrleans.Catalog;
using EcomOrleans.Events;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Common;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Skus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// One catalog item: facts, live stock and time-bucketed demand. Reentrant so that a popular SKU's
/// concurrent callers share storage writes (<see cref="StateWriteCoalescer"/>); all state changes are
/// synchronous, so interleaving only happens while a write is awaited.
/// </summary>
[Reentrant]
[GrainType("sku")]
public sealed partial class SkuGrain : Grain, ISkuGrain
{
    private readonly IPersistentState<SkuState> _state;
    private readonly SkuGrainOptions _options;
    private readonly TrendingOptions _trending;
    private readonly TimeProvider _time;
    private readonly ILogger<SkuGrain> _logger;
    private readonly StateWriteCoalescer _writer;
    private readonly HashSet<ulong> _recent = [];
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;

    public SkuGrain(
        [PersistentState(StorageNames.SkuState, StorageNames.Provider)] IPersistentState<SkuState> state,
        IOptions<SkuGrainOptions> options,
        IOptions<TrendingOptions> trending,
        TimeProvider time,
        ILogger<SkuGrain> logger)
    {
        _state = state;
        _options = options.Value;
        _trending = trending.Value;
        _time = time;
        _logger = logger;
        _writer = new StateWriteCoalescer(WriteAsync);
    }

    private SkuState State => _state.State;

    private string Sku => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _recent.UnionWith(State.RecentEventKeys);
        return Task.CompletedTask;
    }

    public async Task<SkuSnapshot> UpsertCatalogAsync(SkuCatalog catalog)
    {
        var previousCategory = State.Catalog?.Category;
        if (!string.Equals(previousCategory, catalog.Category, StringComparison.Ordinal))
        {
            // Index first: a SKU may sit in an index it has left (filtered at serve time), never miss one it is in.
            await GrainFactory.GetGrain<ICategoryIndexGrain>(catalog.Category).AddAsync(Sku);
            if (previousCategory is not null)
            {
                await GrainFactory.GetGrain<ICategoryIndexGrain>(previousCategory).RemoveAsync(Sku);
            }
        }

        State.Catalog = catalog;
        State.Stock = catalog.Stock;
        State.UpdatedAt = _time.GetUtcNow();
        await _writer.FlushAsync();
        return Snapshot(catalog);
    }

    public async Task<SkuEventsApplied> ApplyEventsAsync(IReadOnlyList<BehaviorEvent> events, IReadOnlyList<string> coViewed)
    {
        var now = _time.GetUtcNow();
        var counted = 0;
        foreach (var e in events)
        {
            if (!string.Equals(e.Sku, Sku, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Event '{e.EventId}' is for SKU '{e.Sku}', not '{Sku}'.", nameof(events));
            }

            if (Remember(EventKey.Of(e.UserId, e.EventId)))
            {
                Count(e, now);
                counted++;
            }
        }

        if (counted > 0)
        {
            CountCoViews(coViewed);
            State.UpdatedAt = now;
            Prune(now);
            await _writer.FlushAsync();
            await ReportDemandIfDueAsync(now);
        }
        else
        {
            // All re-sends: still answer only once the write that first counted them is durable.
            await _writer.WhenDurableAsync();
        }

        return new SkuEventsApplied(Sku, State.Catalog?.Category);
    }

    public Task<SkuAvailability> GetAvailabilityAsync() =>
        Task.FromResult(new SkuAvailability(Sku, State.Catalog is not null, State.Stock, State.Catalog?.Category));

    public Task<IReadOnlyList<RankedSku>> GetCoViewedAsync(int count) =>
        Task.FromResult<IReadOnlyList<RankedSku>>(State.CoViews
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, count))
            .Select(c => new RankedSku(c.Key, c.Value))
            .ToList());

    public Task<SkuSnapshot?> GetAsync() =>
        Task.FromResult(State.Catalog is { } catalog ? Snapshot(catalog) : null);

    public Task<DemandSeries> GetDemandAsync(DemandGranularity granularity)
    {
        var now = _time.GetUtcNow();
        var (buckets, cutoff) = granularity == DemandGranularity.Hour
            ? (State.Hourly, HourlyCutoff(now))
            : (State.Daily, DailyCutoff(now));
        var series = buckets
            .Where(b => b.Start >= cutoff)
            .Select(b => new DemandBucket(b.Start, b.ToCounts()))
            .ToList();
        return Task.FromResult(new DemandSeries(Sku, granularity, series));
    }

    private SkuSnapshot Snapshot(SkuCatalog catalog) =>
        new(Sku, catalog, State.Stock, State.Totals.ToCounts(), State.LostUnits, State.UpdatedAt);

    private bool Remember(ulong key)
    {
        if (!_recent.Add(key))
        {
            return false;
        }

        var keys = State.RecentEventKeys;
        keys.Add(key);
        if (keys.Count > _options.DedupWindow)
        {
            _recent.Remove(keys[0]);
            keys.RemoveAt(0);
        }

        return true;
    }

    private void Count(BehaviorEvent e, DateTimeOffset now)
    {
        var unitPrice = e.Price ?? State.Catalog?.Price ?? 0m;
        if (e.Kind == EventKind.Purchase)
        {
            TakeStock(e.Quantity);
        }

        State.Totals.Add(e.Kind, e.Quantity, unitPrice);
        (State.TrendingScore, State.TrendingAsOf) = DecayedScore.Add(
            State.TrendingScore, State.TrendingAsOf, DecayedScore.WeightOf(e.Kind), e.Timestamp, _trending.HalfLife);
        var hour = DemandBuckets.HourStart(e.Timestamp);
        if (hour >= HourlyCutoff(now))
        {
            DemandBuckets.GetOrAdd(State.Hourly, hour).Add(e.Kind, e.Quantity, unitPrice);
        }

        var day = DemandBuckets.DayStart(e.Timestamp);
        if (day >= DailyCutoff(now))
        {
            DemandBuckets.GetOrAdd(State.Daily, day).Add(e.Kind, e.Quantity, unitPrice);
        }
    }

    private void CountCoViews(IReadOnlyList<string> coViewed)
    {
        foreach (var other in coViewed)
        {
            if (string.Equals(other, Sku, StringComparison.Ordinal))
            {
                continue;
            }

            State.CoViews[other] = State.CoViews.GetValueOrDefault(other) + 1;
        }

        while (State.CoViews.Count > _options.MaxCoViews)
        {
            State.CoViews.Remove(State.CoViews.MinBy(c => (c.Value, c.Key)).Key);
        }
    }

    /// <summary>
    /// Tells the trending ranking about this SKU's demand, at most once per report interval. A failure
    /// is logged, not thrown: the ranking is advisory and must not fail ingestion.
    /// </summary>
    private async Task ReportDemandIfDueAsync(DateTimeOffset now)
    {
        if (now - _lastReport < _trending.ReportInterval)
        {
            return;
        }

        _lastReport = now;
        var report = new SkuDemandReport(Sku, State.Catalog?.Category, State.TrendingScore, State.TrendingAsOf, State.Totals.Units);
        try
        {
            await GrainFactory.GetGrain<ITrendingGrain>(ITrendingGrain.GlobalKey).ReportAsync(report);
        }
        catch (Exception ex)
        {
            LogReportFailed(_logger, ex, Sku);
        }
    }

    private void TakeStock(int quantity)
    {
        if (State.Catalog is null)
        {
            return; // Stock is unknown until the catalog is set.
        }

        var taken = Math.Min(State.Stock, quantity);
        State.Stock -= taken;
        if (taken < quantity)
        {
            State.LostUnits += quantity - taken;
            SkuInstruments.LostUnits.Add(quantity - taken);
            LogStockOut(_logger, Sku, quantity - taken);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        DemandBuckets.Prune(State.Hourly, HourlyCutoff(now));
        DemandBuckets.Prune(State.Daily, DailyCutoff(now));
    }

    private DateTimeOffset HourlyCutoff(DateTimeOffset now) => DemandBuckets.HourStart(now - _options.HourlyRetention);

    private DateTimeOffset DailyCutoff(DateTimeOffset now) => DemandBuckets.DayStart(now - _options.DailyRetention);

    private async Task WriteAsync()
    {
        try
        {
            await _state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // Callers see the failure and retry; reload from storage rather than trust memory.
            LogWriteFailed(_logger, ex, Sku);
            DeactivateOnIdle();
            throw;
        }
    }
}
