namespace EcomOrleans.Inference;

/// <summary>Intents with their probabilities, most likely first.</summary>
/// <param name="FallbackThreshold">
/// The top probability under which the model's answer should not be trusted, as its training chose it (the manifest's
/// <c>metrics.fallbackThreshold</c>; Rasa's default, 0.3, for a model without one).
/// </param>
/// <param name="InScope">
/// How near the message is to the intents' training messages (the largest cosine similarity to an intent's centroid),
/// for a model that answers it; <see langword="null"/> otherwise.
/// </param>
/// <param name="InScopeThreshold">The in-scope score under which the message is out of scope, as training chose it.</param>
[GenerateSerializer, Immutable, Alias("ecom.IntentPrediction")]
public sealed record IntentPrediction(
    [property: Id(0)] IReadOnlyList<IntentScore> Intents,
    [property: Id(1)] string ModelVersion,
    [property: Id(2)] float FallbackThreshold,
    [property: Id(3)] float? InScope = null,
    [property: Id(4)] float? InScopeThreshold = null);

/// <param name="Category">The intent's category (ORDER, REFUND, ...), as the training data names it.</param>
[GenerateSerializer, Immutable, Alias("ecom.IntentScore")]
public sealed record IntentScore(
    [property: Id(0)] string Intent,
    [property: Id(1)] string Category,
    [property: Id(2)] float Probability);
