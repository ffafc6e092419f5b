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
}

/// <summary>A category affinity score as of <see cref="AsOf"/>; it decays from there.</summary>
[GenerateSerializer, Alias("ecom.AffinityState")]
public sealed class AffinityState
{
    [Id(0)] public string Category { get; set; } = "";

    [Id(1)] public double Score { get; set; }

    [Id(2)] public DateTimeOffset AsOf { get; set; }
}
