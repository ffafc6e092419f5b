using EcomOrleans.Events;

namespace EcomOrleans.Users;

/// <summary>What the engine knows of a user right now.</summary>
/// <param name="TotalEvents">Distinct events ever recorded (duplicates excluded).</param>
/// <param name="RecentEvents">The rolling behaviour sequence, oldest first.</param>
/// <param name="CategoryAffinities">Decayed to the time of the read, strongest first.</param>
/// <param name="EmbeddingModelVersion">The sequence model version of the user's embedding, <see langword="null"/> when there is none.</param>
/// <param name="EmbeddingStale">True while events newer than the embedding wait for its refresh.</param>
[GenerateSerializer, Immutable, Alias("ecom.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] string UserId,
    [property: Id(1)] long TotalEvents,
    [property: Id(2)] DateTimeOffset FirstSeen,
    [property: Id(3)] DateTimeOffset LastSeen,
    [property: Id(4)] IReadOnlyList<SequenceEntry> RecentEvents,
    [property: Id(5)] IReadOnlyList<SessionSummary> Sessions,
    [property: Id(6)] IReadOnlyList<CategoryAffinity> CategoryAffinities,
    [property: Id(7)] string? EmbeddingModelVersion,
    [property: Id(8)] bool EmbeddingStale);
