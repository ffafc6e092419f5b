namespace EcomOrleans.LoadGen.Http;

/// <summary>The answer of <c>GET /api/users/{userId}/recommendations</c>.</summary>
/// <param name="ModelVersion">The sequence model that scored the personalized items, or <see cref="NoModel"/> when only fallbacks answered.</param>
public sealed record RecommendationBody(string RecommendationId, string ModelVersion, IReadOnlyList<RecommendedItemBody> Items)
{
    public const string NoModel = "none";
}

/// <param name="Reason">personalized, session_co_view, trending or popular.</param>
public sealed record RecommendedItemBody(string Sku, float Score, string Reason);
