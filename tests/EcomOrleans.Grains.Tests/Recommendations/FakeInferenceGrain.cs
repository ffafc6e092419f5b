using System.Collections.Immutable;
using EcomOrleans.Inference;
using Orleans.Concurrency;

namespace EcomOrleans.Grains.Tests.Recommendations;

/// <summary>
/// A stand-in for the inference pool with a hand-made "model": each known SKU has a vector, a user
/// embedding is the sum of the vectors of the known SKUs in the sequence, and scores are dot products.
/// Tests set <see cref="Catalog"/> first; the cluster collection runs its tests one at a time.
/// </summary>
[StatelessWorker]
public sealed class FakeInferenceGrain : Grain, IInferenceGrain
{
    public const string Version = "fake-v1";

    public static Dictionary<string, float[]> Catalog { get; set; } = [];

    public Task<SequenceEmbedding> EmbedSequenceAsync(IReadOnlyList<string> skus, InferencePriority priority)
    {
        var known = skus.Where(Catalog.ContainsKey).ToList();
        var vector = new float[4];
        foreach (var sku in known)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] += Catalog[sku][i];
            }
        }

        return Task.FromResult(new SequenceEmbedding(vector, Version, known.Count));
    }

    public Task<ImmutableArray<ScoredSku>> TopItemsAsync(float[] vector, int count, IReadOnlyList<string> exclude) =>
        Task.FromResult<ImmutableArray<ScoredSku>>([.. Score(vector, Catalog.Keys.Except(exclude)).Take(count)]);

    public Task<ImmutableArray<ScoredSku>> ScoreItemsAsync(float[] vector, IReadOnlyList<string> skus) =>
        Task.FromResult<ImmutableArray<ScoredSku>>([.. Score(vector, skus.Where(Catalog.ContainsKey))]);

    public Task<IntentPrediction> ClassifyIntentAsync(string message, InferencePriority priority) =>
        throw new NotSupportedException("The fake inference grain has no intent model.");

    /// <summary>A bag of words: each word adds 1 to one of 256 dimensions (by its stable hash), then unit length.</summary>
    public Task<IReadOnlyList<float[]>> EmbedTextAsync(IReadOnlyList<string> texts, InferencePriority priority) =>
        Task.FromResult<IReadOnlyList<float[]>>([.. texts.Select(BagOfWords)]);

    public Task<IReadOnlyList<float[]>> EmbedQueriesAsync(IReadOnlyList<string> queries, InferencePriority priority) =>
        EmbedTextAsync(queries, priority);

    public static float[] BagOfWords(string text)
    {
        var vector = new float[256];
        foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            vector[(int)((StableHash.Of(word) >> 40) % 256)] += 1; // high bits: FNV-1a's low byte repeats for words with one suffix
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : [.. vector.Select(v => v / norm)];
    }

    /// <summary>Whether the fake has a demand model; without one it answers as the pool does: <see cref="ModelNotLoadedException"/>.</summary>
    public static bool DemandModelLoaded { get; set; } = true;

    /// <summary>
    /// A hand-made demand "model": every one of 14 days is twice the history's mean units (p10 half of that, p90 one and
    /// a half times), blended half and half with seasonal smoothing.
    /// </summary>
    public Task<DemandForecast> ForecastDemandAsync(DemandHistory history, InferencePriority priority)
    {
        if (!DemandModelLoaded)
        {
            throw ModelNotLoadedException.For("demand");
        }

        var level = 2 * history.Units.Average();
        var days = Enumerable.Repeat(level, 14).ToArray();
        return Task.FromResult(new DemandForecast(history.Sku, history.FirstDay.AddDays(history.Units.Length), days, [.. days.Select(d => d * 1.5f)], Version,
            days, [.. days.Select(d => d * 0.5f)], 0.5, 1));
    }

    private static IEnumerable<ScoredSku> Score(float[] vector, IEnumerable<string> skus) =>
        skus.Select(s => new ScoredSku(s, Catalog[s].Zip(vector, (a, b) => a * b).Sum()))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Sku, StringComparer.Ordinal);
}
