namespace EcomOrleans.Recommendations;

/// <summary>A ranked list for one request; clicks and purchases that carry its id are attributed to it.</summary>
/// <param name="ModelVersion">The sequence model that scored the personalized items, or <c>none</c> when only fallbacks answered.</param>
[GenerateSerializer, Immutable, Alias("ecom.Recommendation")]
public sealed record Recommendation(
    [property: Id(0)] string RecommendationId,
    [property: Id(1)] string ModelVersion,
    [property: Id(2)] IReadOnlyList<RecommendedItem> Items);

/// <param name="Reason">Why it is here: one of <see cref="RecommendationReasons"/>.</param>
[GenerateSerializer, Immutable, Alias("ecom.RecommendedItem")]
public sealed record RecommendedItem(
    [property: Id(0)] string Sku,
    [property: Id(1)] float Score,
    [property: Id(2)] string Reason);
