using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using EcomOrleans.Models.Intent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Intent;

/// <summary>
/// Sentence embeddings through the intent model's encoder (all-MiniLM-L6-v2), batched apart from the intent
/// classifier's requests under its batch size, delay and queue settings (<c>Inference:Intent</c>), one batch at a time and
/// never on the caller's thread: search queries and catalog texts. Queries' embeddings are kept in a
/// <see cref="QueryEmbeddingCache"/> of <c>Inference:QueryCacheEntries</c> per model version; catalog texts are not.
/// </summary>
public sealed class TextEncoder : IDisposable
{
    /// <summary>The kind a <see cref="ModelNotLoadedException"/> names when no sentence encoder is loaded.</summary>
    public const string Kind = "text";

    private readonly ModelRegistry _registry;
    private readonly DynamicBatcher<string, float[]> _batcher;
    private readonly QueryEmbeddingCache _queries;

    public TextEncoder(ModelRegistry registry, IOptions<InferenceOptions> options, TimeProvider time, ILogger<TextEncoder> logger)
    {
        _registry = registry;
        // Never on the caller's thread: a catalog's texts arrive from the search index in batches that take a second
        // of CPU, and run inline they would hold an Orleans scheduler thread that long. One batch at a time.
        var intent = options.Value.Intent;
        var batching = new BatcherOptions
        {
            MaxBatchSize = intent.MaxBatchSize,
            MaxQueueDelayMicroseconds = intent.MaxQueueDelayMicroseconds,
            ConcurrentBatches = 1,
            RunInlineWhenIdle = false,
            QueueCapacity = intent.QueueCapacity,
        };
        _batcher = new(Kind, batching, RunBatch, time, logger);
        _queries = new QueryEmbeddingCache(options.Value.QueryCacheEntries);
    }

    /// <summary>Search queries whose embeddings this silo keeps now.</summary>
    public int CachedQueries => _queries.Count;

    /// <summary>The unit-length embedding of <paramref name="text"/>.</summary>
    public Task<float[]> EmbedAsync(string text, InferencePriority priority)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_registry.IsLoaded(ModelKinds.Intent))
        {
            throw ModelNotLoadedException.For(Kind);
        }

        return _batcher.SubmitAsync(text, priority);
    }

    /// <summary>
    /// The unit-length embedding of the search query <paramref name="query"/>: the kept one when this model version has
    /// embedded the same text recently, else <see cref="EmbedAsync"/>'s, then kept.
    /// </summary>
    public Task<float[]> EmbedQueryAsync(string query, InferencePriority priority)
    {
        ArgumentNullException.ThrowIfNull(query);
        var version = _registry.VersionOf(ModelKinds.Intent) ?? throw ModelNotLoadedException.For(Kind);
        var vector = _queries.GetOrAdd(query, version, text => EmbedAsync(text, priority), out var hit);
        InferenceInstruments.QueryCacheLookups.Add(1, new KeyValuePair<string, object?>(InferenceInstruments.ResultTag, hit ? "hit" : "miss"));
        return vector;
    }

    public void Dispose() => _batcher.Dispose();

    private float[][] RunBatch(IReadOnlyList<string> batch)
    {
        using var lease = _registry.Acquire<IntentModel>(ModelKinds.Intent);
        var encoder = lease.Model.Encoder ?? throw ModelNotLoadedException.For(Kind);
        var flat = IntentClassifier.Embed(lease.Model, encoder, batch);
        const int dimension = SentenceEncoderContract.Dimension;
        return [.. Enumerable.Range(0, batch.Count).Select(row => flat.AsSpan(row * dimension, dimension).ToArray())];
    }
}
