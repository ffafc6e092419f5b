namespace EcomOrleans.Inference;

/// <summary>Intents with their probabilities, most likely first.</summary>
[GenerateSerializer, Immutable, Alias("ecom.IntentPrediction")]
public sealed record IntentPrediction(
    [property: Id(0)] IReadOnlyList<IntentScore> Intents,
    [property: Id(1)] string ModelVersion);

/// <param name="Category">The intent's category (ORDER, REFUND, ...), as the training data names it.</param>
[GenerateSerializer, Immutable, Alias("ecom.IntentScore")]
public sealed record IntentScore(
    [property: Id(0)] string Intent,
    [property: Id(1)] string Category,
    [property: Id(2)] float Probability);
