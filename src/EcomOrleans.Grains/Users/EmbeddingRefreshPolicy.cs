namespace EcomOrleans.Grains.Users;

/// <summary>
/// When a user's embedding is worth refreshing before anyone asks. A refresh is one sequence-model run; most events
/// come from shoppers who are not looking at recommendations right then, and refreshing for each of their events
/// costs more CPU than all of ingestion's other work. So only a user served a recommendation within
/// <see cref="EagerWindow"/> (a shopper on the storefront now, likely to ask again) is refreshed in the background;
/// the rest stay marked stale and are refreshed by their next request.
/// </summary>
public sealed class EmbeddingRefreshPolicy(TimeSpan eagerWindow)
{
    public TimeSpan EagerWindow { get; } = eagerWindow;

    /// <param name="lastServed">When the user was last served a recommendation, or <see langword="null"/> if never (as far as the ledger remembers).</param>
    public bool RefreshInBackground(DateTimeOffset? lastServed, DateTimeOffset now) =>
        lastServed is { } served && now - served <= EagerWindow && EagerWindow > TimeSpan.Zero;
}
