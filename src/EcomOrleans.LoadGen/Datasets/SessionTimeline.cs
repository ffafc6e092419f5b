using EcomOrleans.Events;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>
/// Keeps a session data set's real times, shifted as a whole so its last event lands <see cref="EndBeforeNow"/>
/// before now. A click on an item the session has not touched yet is a <c>view</c>, a further click on it a
/// <c>click</c>; a cart is an <c>add_to_cart</c> and an order a <c>purchase</c>, one unit each at the catalog price.
/// Anonymous sessions use the session id as the user id.
/// </summary>
public static class SessionTimeline
{
    /// <summary>How long before now the last event lands. 1 minute.</summary>
    public static readonly TimeSpan EndBeforeNow = TimeSpan.FromMinutes(1);

    public static List<ReplayEvent> Build(
        DatasetProfile profile, IReadOnlyList<RecordedInteraction> interactions, IReadOnlyDictionary<long, SkuDefinition> catalog, ScriptOptions options)
    {
        var events = new List<ReplayEvent>(interactions.Count);
        if (interactions.Count == 0)
        {
            return events;
        }

        var ordered = interactions.OrderBy(i => i.UnixMilliseconds).ToArray();
        var shiftMs = (options.Now - EndBeforeNow).ToUnixTimeMilliseconds() - ordered[^1].UnixMilliseconds;
        var sessions = new Dictionary<long, SessionState>();
        foreach (var interaction in ordered)
        {
            if (!sessions.TryGetValue(interaction.Session, out var state))
            {
                var sessionId = profile.SessionOf(interaction.Session);
                var userId = interaction.User is { } user ? profile.UserOf(user) : sessionId;
                sessions[interaction.Session] = state = new SessionState(sessionId, userId);
            }

            var (kind, price) = interaction.Kind switch
            {
                RecordedKind.Cart => (EventKind.AddToCart, (decimal?)null),
                RecordedKind.Order => (EventKind.Purchase, catalog[interaction.Item].Price),
                _ => (state.Seen.Add(interaction.Item) ? EventKind.View : EventKind.Click, null),
            };
            events.Add(new ReplayEvent(
                $"{state.SessionId}-{state.Count++}",
                state.UserId,
                state.SessionId,
                kind,
                profile.SkuOf(interaction.Item),
                1,
                price,
                DateTimeOffset.FromUnixTimeMilliseconds(interaction.UnixMilliseconds + shiftMs)));
        }

        return events;
    }

    private sealed class SessionState(string sessionId, string userId)
    {
        public string SessionId { get; } = sessionId;

        public string UserId { get; } = userId;

        public HashSet<long> Seen { get; } = [];

        public int Count { get; set; }
    }
}
