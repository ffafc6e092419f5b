using EcomOrleans.Catalog;
using EcomOrleans.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace EcomOrleans.Grains.Catalog;

/// <summary>
/// One shard of the catalog's listings and the read models subscribed to it. Reentrant with group commit: catalog
/// loads publish many listings at once; state changes are synchronous, so interleaving only happens while a write
/// or a notification is awaited.
/// </summary>
/// <remarks>
/// NOTE: always active, so its subscribers are never forgotten by idle collection; only a silo failure moves it, and
/// then the read models find it again at their next renewal (<see cref="CatalogOptions.RefreshInterval"/>).
/// </remarks>
[Reentrant]
[CollectionAgeLimit(AlwaysActive = true)]
[GrainType("catalog-shard")]
public sealed partial class CatalogShardGrain : Grain, ICatalogShardGrain
{
    private readonly IPersistentState<CatalogShardState> _state;
    private readonly CatalogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CatalogShardGrain> _logger;
    private readonly StateWriteCoalescer _writer;
    private readonly Dictionary<ICatalogObserver, DateTimeOffset> _observers = [];

    public CatalogShardGrain(
        [PersistentState(StorageNames.CatalogShardState, StorageNames.Provider)] IPersistentState<CatalogShardState> state,
        IOptions<CatalogOptions> options,
        TimeProvider time,
        ILogger<CatalogShardGrain> logger)
    {
        _state = state;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _writer = new StateWriteCoalescer(() => _state.WriteStateAsync());
    }

    private CatalogShardState State => _state.State;

    public async Task PublishAsync(SkuListing listing)
    {
        if (State.Listings.TryGetValue(listing.Sku, out var known) && listing.AddsNothingTo(known))
        {
            // Unchanged (a SKU republishes after it reactivates): durable once the write that stored it is.
            await _writer.WhenDurableAsync();
            return;
        }

        var stamped = listing with { Version = ++State.Version };
        State.Listings[listing.Sku] = stamped;
        await _writer.FlushAsync();
        await NotifyAsync(stamped);
    }

    public Task<IReadOnlyList<SkuListing>> SubscribeAsync(ICatalogObserver observer, long knownVersion)
    {
        var now = _time.GetUtcNow();
        _observers[observer] = now;
        foreach (var expired in _observers.Where(o => now - o.Value > _options.SubscriptionLifetime).Select(o => o.Key).ToList())
        {
            _observers.Remove(expired);
        }

        return Task.FromResult<IReadOnlyList<SkuListing>>(knownVersion >= State.Version
            ? []
            : [.. State.Listings.Values.Where(l => l.Version > knownVersion)]);
    }

    private async Task NotifyAsync(SkuListing listing)
    {
        if (_observers.Count == 0)
        {
            return;
        }

        var observers = _observers.Keys.ToList();
        var delivered = await Task.WhenAll(observers.Select(o => DeliverAsync(o, listing)));
        for (var i = 0; i < observers.Count; i++)
        {
            if (!delivered[i])
            {
                // It renews its subscription (and catches up by version) when it is back.
                _observers.Remove(observers[i]);
            }
        }
    }

    private async Task<bool> DeliverAsync(ICatalogObserver observer, SkuListing listing)
    {
        try
        {
            await observer.OnListingChangedAsync(listing).WaitAsync(_options.NotifyTimeout, _time);
            return true;
        }
        catch (Exception ex)
        {
            LogObserverDropped(_logger, ex, this.GetPrimaryKeyLong());
            return false;
        }
    }

    [LoggerMessage(2401, LogLevel.Warning, "Catalog shard {Shard}: a read model did not take a listing change and was dropped until it renews")]
    private static partial void LogObserverDropped(ILogger logger, Exception exception, long shard);
}
