namespace EcomOrleans.Inference;

/// <summary>A user embedding and the model version that made it.</summary>
/// <param name="KnownItems">How many of the given SKUs the model knew (0 means a cold start).</param>
[GenerateSerializer, Immutable, Alias("ecom.SequenceEmbedding")]
public sealed record SequenceEmbedding(
    [property: Id(0)] float[] Vector,
    [property: Id(1)] string ModelVersion,
    [property: Id(2)] int KnownItems);
