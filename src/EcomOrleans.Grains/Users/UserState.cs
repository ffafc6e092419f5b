using EcomOrleans.Events;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Users;

/// <summary>The persisted state of a <see cref="UserGrain"/>.</summary>
/// <remarks>NOTE: this has to be a mutable object with public setters: grain storage serializes it as JSON.</remarks>
[GenerateSerializer, Alias("ecom.UserState")]
public sealed class UserState
{
    /// <summary>The rolling behaviour sequence, ordered by event time, oldest first.</summary>
    [Id(0)] public List<BehaviorEvent> Recent { get; set; } = [];

    /// <summary>Ids of the most recent distinct events, oldest first, for idempotency.</summary>
    [Id(1)] public List<string> SeenEventIds { get; set; } = [];

    [Id(2)] public List<SessionSummary> Sessions { get; set; } = [];

    [Id(3)] public List<AffinityState> Affinities { get; set; } = [];

    [Id(4)] public long TotalEvents { get; set; }

    [Id(5)] public DateTimeOffset FirstSeen { get; set; }

    [Id(6)] public DateTimeOffset LastSeen { get; set; }

    /// <summary>The user embedding from the sequence model; <see langword="null"/> until the model knows one of the user's items.</summary>
    [Id(7)] public float[]? Embedding { get; set; }

    [Id(8)] public string? EmbeddingModelVersion { get; set; }

    /// <summary>True when item events arrived after <see cref="Embedding"/> was computed.</summary>
    [Id(9)] public bool EmbeddingStale { get; set; }

    /// <summary>The latest recommendations served, for attributing clicks and purchases, oldest first.</summary>
    [Id(10)] public List<IssuedRecommendation> Recommendations { get; set; } = [];
}

/// <summary>A recommendation served to this user.</summary>
[GenerateSerializer, Alias("ecom.IssuedRecommendation")]
public sealed class IssuedRecommendation
{
    [Id(0)] public string Id { get; set; } = "";

    [Id(1)] public List<string> Skus { get; set; } = [];

    [Id(2)] public DateTimeOffset IssuedAt { get; set; }
}

/// <summary>A category affinity score as of <see cref="AsOf"/>; it decays from there.</summary>
[GenerateSerializer, Alias("ecom.AffinityState")]
public sealed class AffinityState
{
    [Id(0)] public string Category { get; set; } = "";

    [Id(1)] public double Score { get; set; }

    [Id(2)] public DateTimeOffset AsOf { get; set; }
}
