using System.Collections.Immutable;
using EcomOrleans.Inference.Demand;
using EcomOrleans.Inference.Intent;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using EcomOrleans.Inference.Sequence;
using Orleans.Concurrency;

namespace EcomOrleans.Inference.Grains;

/// <summary>
/// The inference pool: stateless workers in front of this silo's batchers, and the only caller of
/// ONNX Runtime. Reentrant, so one activation has many requests waiting in a batch at once.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class InferenceGrain(
    ModelRegistry registry, SequenceEncoder sequences, IntentClassifier intents, TextEncoder sentences, DemandForecaster demand) : Grain, IInferenceGrain
{
    public Task<SequenceEmbedding> EmbedSequenceAsync(IReadOnlyList<string> skus, InferencePriority priority) =>
        sequences.EmbedAsync(skus, priority);

    public Task<ImmutableArray<ScoredSku>> TopItemsAsync(float[] vector, int count, IReadOnlyList<string> exclude)
    {
        using var lease = registry.Acquire<SequenceModel>(ModelKinds.Sequence);
        return Task.FromResult(CatalogScorer.Top(lease.Model, vector, count, exclude));
    }

    public Task<ImmutableArray<ScoredSku>> ScoreItemsAsync(float[] vector, IReadOnlyList<string> skus)
    {
        using var lease = registry.Acquire<SequenceModel>(ModelKinds.Sequence);
        return Task.FromResult(CatalogScorer.Score(lease.Model, vector, skus));
    }

    public Task<IntentPrediction> ClassifyIntentAsync(string message, InferencePriority priority) =>
        intents.ClassifyAsync(message, priority);

    public async Task<IReadOnlyList<float[]>> EmbedTextAsync(IReadOnlyList<string> texts, InferencePriority priority) =>
        await Task.WhenAll(texts.Select(t => sentences.EmbedAsync(t, priority)));

    public async Task<IReadOnlyList<float[]>> EmbedQueriesAsync(IReadOnlyList<string> queries, InferencePriority priority) =>
        await Task.WhenAll(queries.Select(q => sentences.EmbedQueryAsync(q, priority)));

    public Task<DemandForecast> ForecastDemandAsync(DemandHistory history, InferencePriority priority) =>
        demand.ForecastAsync(history, priority);
}
