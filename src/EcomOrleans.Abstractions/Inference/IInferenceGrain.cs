using System.Collections.Immutable;

namespace EcomOrleans.Inference;

/// <summary>
/// The inference pool: a stateless worker in front of each silo's dynamic batcher, and the only
/// place that runs models. Use key 0: <c>grains.GetGrain&lt;IInferenceGrain&gt;(0)</c>.
/// </summary>
[Alias("ecom.IInferenceGrain")]
public interface IInferenceGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Encodes a behaviour sequence (SKUs, oldest first; only the last max-length are used) into a user
    /// embedding with the sequence model. SKUs the model does not know are skipped.
    /// </summary>
    [Alias("EmbedSequence")]
    Task<SequenceEmbedding> EmbedSequenceAsync(IReadOnlyList<string> skus, InferencePriority priority);

    /// <summary>The <paramref name="count"/> catalog items whose embeddings score highest against <paramref name="vector"/>, best first, leaving out <paramref name="exclude"/>.</summary>
    /// <remarks>
    /// NOTE: on the read path of every recommendation. The arguments are <see cref="ImmutableAttribute">immutable</see> (the
    /// caller must not change them after the call, and the pool never does) and the answer an immutable array, so a call
    /// inside a silo copies none of them.
    /// </remarks>
    [Alias("TopItems")]
    Task<ImmutableArray<ScoredSku>> TopItemsAsync([Immutable] float[] vector, int count, [Immutable] IReadOnlyList<string> exclude);

    /// <summary>Scores the given SKUs against <paramref name="vector"/>, best first; SKUs the model does not know are left out.</summary>
    /// <remarks>NOTE: nothing is copied inside a silo, as for <see cref="TopItemsAsync"/>.</remarks>
    [Alias("ScoreItems")]
    Task<ImmutableArray<ScoredSku>> ScoreItemsAsync([Immutable] float[] vector, [Immutable] IReadOnlyList<string> skus);

    /// <summary>The intent distribution of a customer message, most likely first.</summary>
    [Alias("ClassifyIntent")]
    Task<IntentPrediction> ClassifyIntentAsync(string message, InferencePriority priority);

    /// <summary>
    /// Unit-length sentence embeddings of <paramref name="texts"/>, in order, from the intent model's sentence encoder
    /// (all-MiniLM-L6-v2): what a search is matched against the catalog with. <see cref="ModelNotLoadedException"/>
    /// (kind <c>text</c>) when the loaded intent model has no sentence encoder.
    /// </summary>
    [Alias("EmbedText")]
    Task<IReadOnlyList<float[]>> EmbedTextAsync(IReadOnlyList<string> texts, InferencePriority priority);

    /// <summary>
    /// <see cref="EmbedTextAsync"/> for search queries: the silo keeps recent queries' embeddings (per model version), so
    /// a query asked again runs no model. Use <see cref="EmbedTextAsync"/> for texts seen once, such as catalog entries.
    /// </summary>
    [Alias("EmbedQueries")]
    Task<IReadOnlyList<float[]>> EmbedQueriesAsync(IReadOnlyList<string> queries, InferencePriority priority);

    /// <summary>Quantile forecasts of daily units for the days after the history.</summary>
    [Alias("ForecastDemand")]
    Task<DemandForecast> ForecastDemandAsync(DemandHistory history, InferencePriority priority);
}
