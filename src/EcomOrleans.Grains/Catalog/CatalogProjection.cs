using System.Collections.Concurrent;
using EcomOrleans.Catalog;
using EcomOrleans.Grains.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Catalog;

/// <summary>
/// This silo's read model of the catalog: for every listed SKU its category and whether it has stock, and the SKUs of
/// each category. Recommendations filter candidates here instead of calling one SKU grain per candidate. It is fed by
/// the <see cref="ICatalogShardGrain"/>s, which push every change before the SKU grain that made it acknowledges, and
/// it renews its subscriptions every <see cref="CatalogOptions.RefreshInterval"/>, catching up by version on anything
/// it missed while unreachable.
/// </summary>
public sealed partial class CatalogProjection(
    IGrainFactory grains,
    CatalogTextIndex search,
    IOptions<CatalogOptions> options,
    TimeProvider time,
    ILogger<CatalogProjection> logger) : ICatalogObserver, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly ConcurrentDictionary<string, SkuListing> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _categories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _priceVersions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Version, decimal[] Sorted)> _prices = new(StringComparer.Ordinal);
    private readonly long[] _knownVersions = new long[CatalogShards.Count];
    private ICatalogObserver? _reference;
    private ITimer? _refresh;
    private int _refreshing;

    /// <summary>Listed SKUs.</summary>
    public int Count => _listings.Count;

    /// <summary>The listing of <paramref name="sku"/>, or <see langword="null"/> when it is not in the catalog.</summary>
    public SkuListing? Find(string sku) => _listings.GetValueOrDefault(sku);

    /// <summary>In the catalog, with stock, and of <paramref name="category"/> when one is given.</summary>
    public bool CanRecommend(string sku, string? category) =>
        _listings.TryGetValue(sku, out var listing) && listing.InStock
        && (category is null || string.Equals(listing.Category, category, StringComparison.Ordinal));

    /// <summary>Priced SKUs a category needs before a price's place among them means anything.</summary>
    public const int MinimumCategoryPrices = 3;

    /// <summary>
    /// Where the SKU's price sits among the other listed prices of its category: the share of them below it, those at
    /// its price counting half (0 the cheapest, 1 the dearest); <see langword="null"/> when the SKU has no price here or its category has
    /// fewer than <see cref="MinimumCategoryPrices"/> priced SKUs. A category's sorted prices are cached until one of
    /// its listings changes.
    /// </summary>
    public double? PricePercentile(string sku)
    {
        if (!_listings.TryGetValue(sku, out var listing) || listing.Price is not { } price)
        {
            return null;
        }

        var version = _priceVersions.GetValueOrDefault(listing.Category);
        if (!_prices.TryGetValue(listing.Category, out var cached) || cached.Version != version)
        {
            var sorted = SkusIn(listing.Category).Select(s => Find(s)?.Price).OfType<decimal>().Order().ToArray();
            cached = (version, sorted);
            _prices[listing.Category] = cached;
        }

        var prices = cached.Sorted;
        if (prices.Length < MinimumCategoryPrices)
        {
            return null;
        }

        // Among the others: the share below it, the others at its price counting half; 0 the cheapest, 1 the dearest.
        var below = FirstIndex(prices, price, orEqual: false);
        var others = FirstIndex(prices, price, orEqual: true) - below - 1;
        return (below + (0.5 * others)) / (prices.Length - 1);
    }

    /// <summary>The first index whose price is at least <paramref name="value"/> (above it, with <paramref name="orEqual"/>).</summary>
    private static int FirstIndex(decimal[] sorted, decimal value, bool orEqual)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid] < value || (orEqual && sorted[mid] == value))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>The categories with listed SKUs, in no particular order.</summary>
    public IReadOnlyCollection<string> Categories => [.. _categories.Keys];

    /// <summary>
    /// The categories whose boards a read asks, in order: <paramref name="only"/> when the catalog lists it (none when
    /// it does not, so a board is never activated for a name nobody put in the catalog), else every listed one.
    /// </summary>
    public IReadOnlyList<string> BoardCategories(string? only) =>
        only is null ? [.. _categories.Keys.Order(StringComparer.Ordinal)] : _categories.ContainsKey(only) ? [only] : [];

    /// <summary>The listed SKUs of a category, in no particular order.</summary>
    public IReadOnlyCollection<string> SkusIn(string category) =>
        _categories.TryGetValue(category, out var skus) ? (IReadOnlyCollection<string>)skus.Keys : [];

    public Task OnListingChangedAsync(SkuListing listing)
    {
        Apply(listing);
        return Task.CompletedTask;
    }

    /// <summary>Keeps <paramref name="listing"/> unless a newer one of its SKU is already here.</summary>
    public void Apply(SkuListing listing)
    {
        var sku = StringPool.Intern(listing.Sku);
        var category = StringPool.Intern(listing.Category);
        listing = listing with { Sku = sku, Category = category };
        while (true)
        {
            if (_listings.TryGetValue(sku, out var known))
            {
                if (known.Version >= listing.Version)
                {
                    return;
                }

                if (!_listings.TryUpdate(sku, listing, known))
                {
                    continue;
                }

                if (!string.Equals(known.Category, category, StringComparison.Ordinal) && _categories.TryGetValue(known.Category, out var left))
                {
                    left.TryRemove(sku, out _);
                    _priceVersions.AddOrUpdate(known.Category, 1, (_, v) => v + 1);
                }
            }
            else if (!_listings.TryAdd(sku, listing))
            {
                continue;
            }

            _categories.GetOrAdd(category, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[sku] = 0;
            if (known is null || known.Price != listing.Price || !string.Equals(known.Category, category, StringComparison.Ordinal))
            {
                _priceVersions.AddOrUpdate(category, 1, (_, v) => v + 1);
            }

            search.Offer(listing);
            return;
        }
    }

    /// <summary>
    /// Shards read at once. All 256 at once made a loaded store (Azurite in CI) answer some reads slower than the
    /// storage client's per-try cut, and the silo's start failed; 16 at a time keeps the start well under a second.
    /// </summary>
    internal const int ParallelShardReads = 16;

    /// <summary>Tries per shard when the silo starts, waiting 0.5, 1, 2 then 4 seconds between them.</summary>
    internal const int StartAttempts = 5;

    /// <summary>Subscribes to every shard and takes what they hold; missed changes are caught up by version.</summary>
    public Task RefreshAsync() => RefreshAsync(attempts: 1, CancellationToken.None);

    private async Task RefreshAsync(int attempts, CancellationToken cancellationToken)
    {
        _reference ??= grains.CreateObjectReference<ICatalogObserver>(this);
        var reference = _reference;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelShardReads, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, CatalogShards.Count), parallel, async (shard, cancel) =>
        {
            var listings = await Attempts.RunAsync(
                () => grains.Reference<ICatalogShardGrain>(shard).SubscribeAsync(reference, Volatile.Read(ref _knownVersions[shard])),
                attempts,
                time,
                (attempt, delay, ex) => LogShardRetry(logger, shard, attempt, delay, ex),
                cancel);
            foreach (var listing in listings)
            {
                Apply(listing);
            }

            if (listings.Count > 0)
            {
                var newest = listings.Max(l => l.Version);
                long known;
                do
                {
                    known = Volatile.Read(ref _knownVersions[shard]);
                }
                while (newest > known && Interlocked.CompareExchange(ref _knownVersions[shard], newest, known) != known);
            }
        });
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CatalogProjection), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    public void Dispose() => _refresh?.Dispose();

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        // A store slow to answer as the cluster starts is waited for, shard by shard, instead of failing the start.
        await RefreshAsync(StartAttempts, cancellationToken);
        LogLoaded(logger, _listings.Count);
        var interval = options.Value.RefreshInterval;
        _refresh = time.CreateTimer(_ => _ = RefreshInBackgroundAsync(), null, interval, interval);
    }

    private Task StopAsync(CancellationToken cancellationToken)
    {
        _refresh?.Dispose();
        _refresh = null;
        return Task.CompletedTask;
    }

    private async Task RefreshInBackgroundAsync()
    {
        // One renewal at a time: a tick that finds one still running skips (a clock that jumps ahead, as a test's fake
        // clock does, would otherwise start thousands at once, each calling every shard).
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        try
        {
            await RefreshAsync();
        }
        catch (Exception ex)
        {
            LogRefreshFailed(logger, ex);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    [LoggerMessage(2411, LogLevel.Information, "Catalog read model loaded: {Listings} listed SKUs")]
    private static partial void LogLoaded(ILogger logger, int listings);

    [LoggerMessage(2413, LogLevel.Warning, "Catalog read model: reading shard {Shard} failed (try {Attempt}); trying again in {Delay}")]
    private static partial void LogShardRetry(ILogger logger, int shard, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(2412, LogLevel.Warning, "Catalog read model: renewing the shard subscriptions failed; retrying at the next interval")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
