using EcomOrleans.Events;

namespace EcomOrleans.Grains.Tests;

/// <summary>Builds events for tests with unique ids and explicit times.</summary>
internal static class Events
{
    public static BehaviorEvent Of(
        string userId, EventKind kind, DateTimeOffset at, string? sku = "sku-1", string? eventId = null,
        int quantity = 1, decimal? price = null, string? query = null, string sessionId = "s-1") =>
        new(eventId ?? Guid.NewGuid().ToString("N"), userId, sessionId, kind, sku, query, quantity, price, at);

    public static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
