namespace EcomOrleans.Client.Models;

/// <summary>The answer of <c>GET /api/users/{userId}/recommendations</c>, best item first.</summary>
/// <param name="RecommendationId">Send it with a click or purchase that came from this list to attribute it.</param>
/// <param name="ModelVersion">The sequence model that scored the personalized items, or <see cref="NoModel"/> when only fallbacks answered.</param>
public sealed record RecommendationResponse(string RecommendationId, string ModelVersion, IReadOnlyList<RecommendedItem> Items)
{
    /// <summary>The <see cref="ModelVersion"/> of a list that no model scored: <c>none</c>.</summary>
    public const string NoModel = "none";
}
