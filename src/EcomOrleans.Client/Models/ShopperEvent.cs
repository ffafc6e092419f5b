namespace EcomOrleans.Client.Models;

/// <summary>
/// One behaviour event as <c>POST /api/events</c> takes it. Ids are 1-128 letters, digits, '.', '_', ':' or '-'.
/// The engine dedupes on <see cref="EventId"/> per user, so sending an event twice records it once.
/// </summary>
/// <param name="EventId">The client's id of this event; a resend carries the same one.</param>
/// <param name="Sku">The item acted on; required except for <see cref="ShopperEventKind.Search"/>.</param>
/// <param name="Query">The search text, for <see cref="ShopperEventKind.Search"/> only.</param>
/// <param name="Quantity">Units, for cart and purchase events.</param>
/// <param name="Price">Unit price paid or shown, optional, for cart and purchase events.</param>
/// <param name="Timestamp">When it happened; at most 5 minutes ahead of the engine's clock and 365 days old.</param>
/// <param name="RecommendationId">The recommendation a click or purchase came from, to attribute it.</param>
public readonly record struct ShopperEvent(
    string EventId,
    string UserId,
    string SessionId,
    ShopperEventKind Kind,
    string? Sku,
    string? Query,
    int? Quantity,
    decimal? Price,
    DateTimeOffset Timestamp,
    string? RecommendationId = null);
