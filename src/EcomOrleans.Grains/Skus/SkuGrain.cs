using EcomOrleans.Events;
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
    private readonly TimeProvider _time;
    private readonly ILogger<SkuGrain> _logger;
    private readonly StateWriteCoalescer _writer;
    private readonly HashSet<ulong> _recent = [];

    public SkuGrain(
        [PersistentState(StorageNames.SkuState, StorageNames.Provider)] IPersistentState<SkuState> state,
        IOptions<SkuGrainOptions> options,
        TimeProvider time,
        ILogger<SkuGrain> logger)
    {
        _state = state;
        _options = options.Value;
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
        State.Catalog = catalog;
        State.Stock = catalog.Stock;
        State.UpdatedAt = _time.GetUtcNow();
        await _writer.FlushAsync();
        return Snapshot(catalog);
    }

    public async Task<SkuEventsApplied> ApplyEventsAsync(IReadOnlyList<BehaviorEvent> events)
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
            State.UpdatedAt = now;
            Prune(now);
            await _writer.FlushAsync();
        }
        else
        {
            // All re-sends: still answer only once the write that first counted them is durable.
            await _writer.WhenDurableAsync();
        }

        return new SkuEventsApplied(Sku, State.Catalog?.Category);
    }

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
