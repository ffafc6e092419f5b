using EcomOrleans.Catalog;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Skus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// One catalog item: facts and live stock (hot state), demand history (cold state). Reentrant so that a popular
/// SKU's concurrent callers share storage writes (<see cref="StateWriteCoalescer"/>); all state changes are
/// synchronous, so interleaving only happens while a write is awaited. When the catalog changes or stock crosses
/// zero it publishes its listing to its catalog shard, which pushes it to every silo's read model, before it answers.
/// </summary>
[Reentrant]
[GrainType("sku")]
public sealed partial class SkuGrain : Grain, ISkuGrain
{
    private readonly IPersistentState<SkuState> _state;
    private readonly IPersistentState<SkuDemandState> _demandState;
    private readonly SkuGrainOptions _options;
    private readonly TrendingOptions _trending;
    private readonly TimeProvider _time;
    private readonly ILogger<SkuGrain> _logger;
    private readonly StateWriteCoalescer _hotWriter;
    private readonly StateWriteCoalescer _coldWriter;
    private SkuDemand _demand = null!;
    private SkuListing? _published;
    private Task _publishing = Task.CompletedTask;
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;

    public SkuGrain(
        [PersistentState(StorageNames.SkuState, StorageNames.Provider)] IPersistentState<SkuState> state,
        [PersistentState(StorageNames.SkuDemandState, StorageNames.Provider)] IPersistentState<SkuDemandState> demand,
        IOptions<SkuGrainOptions> options,
        IOptions<TrendingOptions> trending,
        TimeProvider time,
        ILogger<SkuGrain> logger)
    {
        _state = state;
        _demandState = demand;
        _options = options.Value;
        _trending = trending.Value;
        _time = time;
        _logger = logger;
        _hotWriter = new StateWriteCoalescer(() => WriteAsync(_state));
        _coldWriter = new StateWriteCoalescer(() => WriteAsync(_demandState));
    }

    private SkuState State => _state.State;

    private string Sku => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (SkuStateMigration.Migrate(State, _demandState.State, _demandState.RecordExists, _options.DedupWindow))
        {
            // History first: once the hot state is written without it, the demand state is its only copy.
            await _demandState.WriteStateAsync(cancellationToken);
            await _state.WriteStateAsync(cancellationToken);
        }

        _demand = new SkuDemand(_demandState.State, _options, _trending.HalfLife);
    }

    public async Task<SkuSnapshot> UpsertCatalogAsync(SkuCatalog catalog)
    {
        State.Catalog = catalog;
        State.Stock = catalog.Stock;
        State.UpdatedAt = _time.GetUtcNow();
        await _hotWriter.FlushAsync();
        await PublishListingAsync();
        return Snapshot(catalog);
    }

    public async Task ApplyEventsAsync(IReadOnlyList<SkuEvent> events, IReadOnlyList<string> coViewed)
    {
        var now = _time.GetUtcNow();
        var counted = 0;
        var stockChanged = false;
        foreach (var e in events)
        {
            if (!_demand.Dedup.TryAdd(e.Key))
            {
                continue;
            }

            if (e.Kind == Events.EventKind.Purchase)
            {
                stockChanged |= TakeStock(e.Quantity);
            }

            _demand.Count(e, e.Price ?? State.Catalog?.Price ?? 0m, now);
            counted++;
        }

        if (counted == 0)
        {
            // All re-sends: still answer only once the writes that first counted them are durable, and the listing
            // change they made (a stock-out) has reached the read models. A failed publish is its own caller's
            // failure; this one only waits for it.
            await Task.WhenAll(_coldWriter.WhenDurableAsync(), _hotWriter.WhenDurableAsync());
            await _publishing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            return;
        }

        _demand.CountCoViews(coViewed, Sku);
        _demand.Prune(now);
        _demand.State.UpdatedAt = now;
        if (stockChanged)
        {
            State.UpdatedAt = now;
            await Task.WhenAll(_coldWriter.FlushAsync(), _hotWriter.FlushAsync());
            await PublishListingAsync();
        }
        else
        {
            await _coldWriter.FlushAsync();
        }

        ReportDemandIfDue(now);
    }

    public Task<IReadOnlyList<RankedSku>> GetCoViewedAsync(int count) =>
        Task.FromResult<IReadOnlyList<RankedSku>>([.. _demand.TopCoViews(count).Select(c => new RankedSku(c.Key, c.Value))]);

    public Task<SkuSnapshot?> GetAsync()
    {
        if (State.Catalog is { } catalog)
        {
            return Task.FromResult<SkuSnapshot?>(Snapshot(catalog));
        }

        DeactivateIfNothingStored();
        return Task.FromResult<SkuSnapshot?>(null);
    }

    /// <summary>A read of a SKU that was never stored must not pin an activation until idle collection (minutes).</summary>
    private void DeactivateIfNothingStored()
    {
        if (!_state.RecordExists && !_demandState.RecordExists)
        {
            DeactivateOnIdle();
        }
    }

    public Task<DemandSeries> GetDemandAsync(DemandGranularity granularity) =>
        Task.FromResult(new DemandSeries(Sku, granularity, [.. _demand.Buckets(granularity, _time.GetUtcNow()).Select(b => new DemandBucket(b.Start, b.ToCounts()))]));

    private SkuSnapshot Snapshot(SkuCatalog catalog) =>
        new(Sku, catalog, State.Stock, _demand.State.Totals.ToCounts(), State.LostUnits, State.UpdatedAt > _demand.State.UpdatedAt ? State.UpdatedAt : _demand.State.UpdatedAt);

    /// <returns>True when stock changed.</returns>
    private bool TakeStock(int quantity)
    {
        if (State.Catalog is null)
        {
            return false; // Stock is unknown until the catalog is set.
        }

        var taken = Math.Min(State.Stock, quantity);
        State.Stock -= taken;
        if (taken < quantity)
        {
            State.LostUnits += quantity - taken;
            SkuInstruments.LostUnits.Add(quantity - taken);
            LogStockOut(_logger, Sku, quantity - taken);
        }

        return true;
    }

    /// <summary>
    /// Publishes the listing if it differs from the last one published. Publishes run one after another, each reading
    /// the state when it starts, so the shard always ends with the latest.
    /// </summary>
    private Task PublishListingAsync()
    {
        _publishing = PublishAfterAsync(_publishing);
        return _publishing;
    }

    private async Task PublishAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch
        {
            // The earlier caller saw its failure; this publish reads the state afresh.
        }

        if (State.Catalog is not { } catalog)
        {
            return;
        }

        var listing = new SkuListing(Sku, catalog.Category, State.Stock > 0, 0);
        if (_published is { } published && published.InStock == listing.InStock && string.Equals(published.Category, listing.Category, StringComparison.Ordinal))
        {
            return;
        }

        await GrainFactory.GetGrain<ICatalogShardGrain>(CatalogShards.ShardOf(Sku)).PublishAsync(listing);
        _published = listing;
    }

    /// <summary>Tells the category's ranking about this SKU's demand without waiting for it, at most once per report interval.</summary>
    private void ReportDemandIfDue(DateTimeOffset now)
    {
        if (now - _lastReport < _trending.ReportInterval || State.Catalog is not { } catalog)
        {
            return;
        }

        _lastReport = now;
        var demand = _demand.State;
        var report = GrainFactory.GetGrain<ITrendingGrain>(ITrendingGrain.KeyOf(catalog.Category))
            .ReportAsync(new SkuDemandReport(Sku, catalog.Category, demand.TrendingScore, demand.TrendingAsOf, demand.Totals.Units));
        _ = ObserveAsync(report);
    }

    /// <summary>The ranking is advisory: a failed report is logged, never thrown into ingestion, and the next one catches up.</summary>
    private async Task ObserveAsync(Task report)
    {
        try
        {
            await report;
        }
        catch (Exception ex)
        {
            LogReportFailed(_logger, ex, Sku);
        }
    }

    private async Task WriteAsync<T>(IPersistentState<T> state)
    {
        try
        {
            await state.WriteStateAsync();
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
