using EcomOrleans.Events;

namespace EcomOrleans.LoadGen.Memory;

/// <summary>
/// The busiest shopper the default windows allow: <see cref="Events"/> distinct events with 36-character ids (so the
/// dedup window is full), spread over 20 sessions (the default session bound) and the last six days, mostly views with
/// clicks, carts, purchases and searches mixed in, over a pool of real SKUs.
/// </summary>
public static class FullShopper
{
    /// <summary>Events per full shopper: the default user dedup window.</summary>
    public const int Events = 1_000;

    private const int Sessions = 20;

    private static readonly string[] Queries = ["matte lipstick", "vitamin c serum", "dry shampoo", "nail polish red", "sunscreen spf 50"];

    public static List<BehaviorEvent> For(int index, IReadOnlyList<string> skus, DateTimeOffset end)
    {
        var random = new Random(index);
        var userId = $"bench-user-{index:D7}";
        var start = end - TimeSpan.FromDays(6);
        var step = (end - start) / Events;
        var events = new List<BehaviorEvent>(Events);
        var idBytes = new byte[16];
        for (var i = 0; i < Events; i++)
        {
            random.NextBytes(idBytes);
            var eventId = new Guid(idBytes).ToString("D");
            var sessionId = $"bench-session-{index:D7}-{i * Sessions / Events:D2}";
            var at = start + step * i;
            var sku = skus[random.Next(skus.Count)];
            var roll = random.Next(100);
            events.Add(roll switch
            {
                < 5 => new BehaviorEvent(eventId, userId, sessionId, EventKind.Search, null, Queries[random.Next(Queries.Length)], 1, null, at),
                < 70 => new BehaviorEvent(eventId, userId, sessionId, EventKind.View, sku, null, 1, null, at),
                < 85 => new BehaviorEvent(eventId, userId, sessionId, EventKind.Click, sku, null, 1, null, at),
                < 95 => new BehaviorEvent(eventId, userId, sessionId, EventKind.AddToCart, sku, null, 1, null, at),
                _ => new BehaviorEvent(eventId, userId, sessionId, EventKind.Purchase, sku, null, 1 + random.Next(3), 9.99m, at),
            });
        }

        return events;
    }
}
