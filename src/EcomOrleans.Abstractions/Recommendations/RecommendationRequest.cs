namespace EcomOrleans.Recommendations;

/// <summary>What the storefront asks for.</summary>
/// <param name="Count">How many items, 1 to 100.</param>
/// <param name="SessionId">The shopper's current session, for session co-views when there is no history.</param>
/// <param name="Category">Only items of this catalog category, when set.</param>
[GenerateSerializer, Immutable, Alias("ecom.RecommendationRequest")]
public sealed record RecommendationRequest(
    [property: Id(0)] int Count,
    [property: Id(1)] string? SessionId,
    [property: Id(2)] string? Category);
