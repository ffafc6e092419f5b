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
/// never on the caller's thread: search queries and catalog texts.
/// </summary>
public sealed class TextEncoder : IDisposable
{
    /// <summary>The kind a <see cref="ModelNotLoadedException"/> names when no sentence encoder is loaded.</summary>
    public const string Kind = "text";

    private readonly ModelRegistry _registry;
    private readonly DynamicBatcher<string, float[]> _batcher;

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
    }

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
