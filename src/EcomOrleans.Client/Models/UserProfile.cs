namespace EcomOrleans.Client.Models;

/// <summary>What the engine knows of a user: the answer of <c>GET /api/users/{userId}</c>.</summary>
/// <param name="TotalEvents">Distinct events ever recorded (duplicates excluded).</param>
/// <param name="RecentEvents">The rolling behaviour sequence, oldest first.</param>
/// <param name="CategoryAffinities">Decayed to the time of the read, strongest first.</param>
/// <param name="EmbeddingModelVersion">The sequence model version of the user's embedding, <see langword="null"/> when there is none.</param>
/// <param name="EmbeddingStale">True while events newer than the embedding wait for its refresh.</param>
public sealed record UserProfile(
    string UserId,
    long TotalEvents,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<ProfileEvent> RecentEvents,
    IReadOnlyList<SessionSummary> Sessions,
    IReadOnlyList<CategoryAffinity> CategoryAffinities,
    string? EmbeddingModelVersion,
    bool EmbeddingStale);
