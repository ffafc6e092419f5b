namespace EcomOrleans.Events;

/// <summary>One validated shopper action, as the grains keep it.</summary>
/// <param name="EventId">Client-chosen id; ingestion is idempotent on it per user.</param>
/// <param name="Sku">The item acted on; <see langword="null"/> only for <see cref="EventKind.Search"/>.</param>
/// <param name="Query">The search text, normalised and bounded; set only for searches.</param>
/// <param name="Quantity">Units; 1 for views, clicks and searches.</param>
/// <param name="Price">Unit price paid or shown, when the client knows it.</param>
/// <param name="RecommendationId">The recommendation this action came from, if any.</param>
[GenerateSerializer, Immutable, Alias("ecom.BehaviorEvent")]
public sealed record BehaviorEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string SessionId,
    [property: Id(3)] EventKind Kind,
    [property: Id(4)] string? Sku,
    [property: Id(5)] string? Query,
    [property: Id(6)] int Quantity,
    [property: Id(7)] decimal? Price,
    [property: Id(8)] DateTimeOffset Timestamp,
    [property: Id(9)] string? RecommendationId = null);
