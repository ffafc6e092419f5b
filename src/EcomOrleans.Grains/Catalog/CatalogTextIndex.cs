using System.Collections.Concurrent;
using System.Numerics.Tensors;
using EcomOrleans.Catalog;
using EcomOrleans.Grains.Common;
using EcomOrleans.Inference;
using Microsoft.Extensions.Logging;

namespace EcomOrleans.Grains.Catalog;

/// <summary>
/// This silo's search index of the catalog: a sentence embedding (the intent model's all-MiniLM-L6-v2 encoder, through
/// the inference pool at background priority) of each listed SKU's title, brand and category, kept up to date as the
/// <see cref="CatalogProjection"/> hears of catalog changes. A search is matched against it by cosine similarity.
/// A SKU whose text changed is embedded within about a second; until then it keeps its old vector (or has none).
/// </summary>
/// <remarks>
/// NOTE: a linear scan of 384 floats per SKU: about 2 ms a query for the Beauty catalog (12,101 SKUs, 18 MB). At a
/// million SKUs that is 1.5 GB per silo and a scan of about 100 ms; it would need quantized vectors and an
/// approximate index (HNSW) first. docs/intent.md ("Search intent").
/// </remarks>
public sealed partial class CatalogTextIndex(IGrainFactory grains, TimeProvider time, ILogger<CatalogTextIndex> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    /// <summary>Texts embedded per call to the inference pool.</summary>
    internal const int BatchSize = 16;

    /// <summary>How often the pending texts are embedded.</summary>
    public static readonly TimeSpan EmbedInterval = TimeSpan.FromSeconds(1);

    private static readonly LogThrottle Failures = new(TimeSpan.FromMinutes(1));

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _pending = new();
    private readonly SemaphoreSlim _round = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;
    private int _background;

    /// <summary>SKUs with an embedding.</summary>
    public int Embedded => _entries.Values.Count(e => e.Vector is not null);

    /// <summary>SKUs waiting for their text to be embedded.</summary>
    public int Pending => _pending.Count;

    /// <summary>What a listing is searched by: its title and brand, then its category.</summary>
    public static string TextOf(SkuListing listing) => listing.Text is { } text ? $"{text} {listing.Category}" : listing.Category;

    /// <summary>Queues the listing's text for embedding when it is new or changed.</summary>
    public void Offer(SkuListing listing)
    {
        var text = TextOf(listing);
        lock (_gate)
        {
            var known = _entries.GetValueOrDefault(listing.Sku);
            if (known is not null && string.Equals(known.Text, text, StringComparison.Ordinal))
            {
                return;
            }

            // The old vector serves until the new text is embedded.
            _entries[listing.Sku] = new Entry(text, known?.Vector, Queued: true);
            if (known is not { Queued: true })
            {
                _pending.Enqueue(listing.Sku);
            }
        }
    }

    /// <summary>
    /// Embeds everything pending at once, a batch at a time, between the background's batches; what fails stays
    /// pending for the next round.
    /// </summary>
    public async Task EmbedPendingAsync()
    {
        var embedded = 0;
        while (!_pending.IsEmpty && !_stopping.IsCancellationRequested)
        {
            var (count, failed) = await EmbedBatchAsync();
            embedded += count;
            if (failed || count == 0)
            {
                break;
            }
        }

        LogIfBulk(embedded);
    }

    /// <summary>
    /// The background's round: a batch at a time, pausing as long as each batch took, so that a whole catalog (a
    /// silo's start) takes at most half of one core while the storefront is served. The pause holds no lock.
    /// </summary>
    private async Task EmbedInBackgroundAsync()
    {
        // One background round at a time: a tick that finds one running (or pausing) skips.
        if (Interlocked.Exchange(ref _background, 1) == 1)
        {
            return;
        }

        var embedded = 0;
        try
        {
            while (!_pending.IsEmpty && !_stopping.IsCancellationRequested)
            {
                var started = time.GetTimestamp();
                var (count, failed) = await EmbedBatchAsync();
                embedded += count;
                if (failed || count == 0)
                {
                    break;
                }

                if (!_pending.IsEmpty)
                {
                    await Task.Delay(time.GetElapsedTime(started), time, _stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The silo is stopping.
        }
        catch (Exception ex)
        {
            LogEmbedFailed(logger, 0, ex.Message);
        }
        finally
        {
            LogIfBulk(embedded);
            Volatile.Write(ref _background, 0);
        }
    }

    /// <summary>One batch of what is pending, under the lock that keeps batches one at a time.</summary>
    /// <returns>How many texts were embedded, and whether the pool failed them (they stay pending).</returns>
    private async Task<(int Count, bool Failed)> EmbedBatchAsync()
    {
        await _round.WaitAsync();
        try
        {
            if (_stopping.IsCancellationRequested)
            {
                return (0, true);
            }

            var batch = new List<(string Sku, string Text)>(BatchSize);
            lock (_gate)
            {
                while (batch.Count < BatchSize && _pending.TryDequeue(out var sku))
                {
                    if (_entries.TryGetValue(sku, out var entry))
                    {
                        _entries[sku] = entry with { Queued = false };
                        batch.Add((sku, entry.Text));
                    }
                }
            }

            if (batch.Count == 0)
            {
                return (0, false);
            }

            IReadOnlyList<float[]> vectors;
            try
            {
                vectors = await grains.Reference<IInferenceGrain>(0).EmbedTextAsync([.. batch.Select(b => b.Text)], InferencePriority.Background);
            }
            catch (Exception ex) when (ex is ModelNotLoadedException or InferenceOverloadedException or TimeoutException)
            {
                foreach (var (sku, _) in batch)
                {
                    Requeue(sku);
                }

                if (Failures.TryEnter(time.GetUtcNow()))
                {
                    LogEmbedFailed(logger, batch.Count, ex.Message);
                }

                return (0, true);
            }

            lock (_gate)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var (sku, text) = batch[i];
                    // A text that changed while this batch ran is pending again; its old vector stays until then.
                    if (_entries.TryGetValue(sku, out var entry) && string.Equals(entry.Text, text, StringComparison.Ordinal))
                    {
                        _entries[sku] = entry with { Vector = vectors[i] };
                    }
                }
            }

            return (batch.Count, false);
        }
        finally
        {
            _round.Release();
        }
    }

    private void LogIfBulk(int embedded)
    {
        if (embedded >= BulkLog)
        {
            LogEmbedded(logger, embedded, Embedded);
        }
    }

    /// <summary>A round that embedded at least this many texts is logged (a silo's start, a catalog load).</summary>
    private const int BulkLog = 100;

    /// <summary>
    /// The SKUs most like <paramref name="query"/> (a unit vector from the same encoder), best first, at least
    /// <paramref name="minScore"/> cosine similarity, among those <paramref name="accept"/> lets through.
    /// </summary>
    public IReadOnlyList<(string Sku, float Score)> Nearest(float[] query, int count, float minScore, Func<string, bool> accept)
    {
        var best = new PriorityQueue<(string Sku, float Score), float>(count + 1);
        foreach (var (sku, entry) in _entries)
        {
            if (entry.Vector is not { } vector || vector.Length != query.Length)
            {
                continue;
            }

            var score = TensorPrimitives.Dot(vector, query);
            if (score < minScore || (best.Count == count && score <= best.Peek().Score) || !accept(sku))
            {
                continue;
            }

            best.Enqueue((sku, score), score);
            if (best.Count > count)
            {
                best.Dequeue();
            }
        }

        var ranked = new List<(string Sku, float Score)>(best.Count);
        while (best.TryDequeue(out var item, out _))
        {
            ranked.Add(item);
        }

        ranked.Reverse();
        return ranked;
    }

    /// <summary>
    /// At the last stage, so that it stops first: a batch still running when the silo begins its graceful shutdown
    /// held the inference pool's activations past Orleans' one-second warning.
    /// </summary>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CatalogTextIndex), ServiceLifecycleStage.Last, Start, Stop);

    public void Dispose()
    {
        _timer?.Dispose();
        _round.Dispose();
        _stopping.Dispose();
    }

    private Task Start(CancellationToken cancellationToken)
    {
        _timer = time.CreateTimer(_ => _ = EmbedInBackgroundAsync(), null, EmbedInterval, EmbedInterval);
        return Task.CompletedTask;
    }

    /// <summary>No round may call the inference pool once the silo stops: the running one ends after its batch.</summary>
    private async Task Stop(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        await _stopping.CancelAsync();
        try
        {
            await _round.WaitAsync(cancellationToken);
            _round.Release();
        }
        catch (OperationCanceledException)
        {
            // The silo's stop timed out: it goes on without waiting.
        }
    }

    private void Requeue(string sku)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(sku, out var entry) && !entry.Queued)
            {
                _entries[sku] = entry with { Queued = true };
                _pending.Enqueue(sku);
            }
        }
    }

    private sealed record Entry(string Text, float[]? Vector, bool Queued = false);

    [LoggerMessage(2416, LogLevel.Information, "Catalog search index: {Count} listings embedded, {Total} in all")]
    private static partial void LogEmbedded(ILogger logger, int count, int total);

    [LoggerMessage(2415, LogLevel.Warning, "Catalog search index: embedding {Count} listings failed ({Reason}); trying again in a second")]
    private static partial void LogEmbedFailed(ILogger logger, int count, string reason);
}
