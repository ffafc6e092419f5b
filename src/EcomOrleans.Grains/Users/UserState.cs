using System.Text.Json.Serialization;
using EcomOrleans.Events;
using EcomOrleans.Grains.Common;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Users;

/// <summary>The persisted state of a <see cref="UserGrain"/>.</summary>
/// <remarks>
/// NOTE: this has to be a mutable object with public setters: grain storage serializes it as JSON. State written
/// before the compact layout (full events in <see cref="Recent"/>, event id strings in <see cref="SeenEventIds"/>)
/// still loads: <see cref="UserStateMigration"/> moves it into <see cref="Sequence"/> and <see cref="Dedup"/> on
/// activation, and the next write drops the old properties.
/// </remarks>
[GenerateSerializer, Alias("ecom.UserState")]
public sealed class UserState
{
    /// <summary>The rolling behaviour sequence, ordered by event time, oldest first.</summary>
    [Id(11)] public List<SequenceEntry> Sequence { get; set; } = [];

    /// <summary>
    /// Hashes of the newest distinct event ids, for idempotency: those not yet spilled to the user's dedup record
    /// (<see cref="StorageNames.UserDedupState"/>; see <see cref="SpillingDedupWindow"/>).
    /// </summary>
    [Id(12)] public DedupState Dedup { get; set; } = new();

    /// <summary>Keys in the user's spilled dedup record as last written; 0 when there is none, so a new shopper reads nothing more.</summary>
    [Id(13)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int DedupSpilled { get; set; }

    [Id(2)] public List<SessionSummary> Sessions { get; set; } = [];

    [Id(3)] public List<AffinityState> Affinities { get; set; } = [];

    [Id(4)] public long TotalEvents { get; set; }

    [Id(5)] public DateTimeOffset FirstSeen { get; set; }

    [Id(6)] public DateTimeOffset LastSeen { get; set; }

    /// <summary>The user embedding from the sequence model; <see langword="null"/> until the model knows one of the user's items.</summary>
    [Id(7)]
    [JsonConverter(typeof(FloatArrayJsonConverter))]
    public float[]? Embedding { get; set; }

    [Id(8)] public string? EmbeddingModelVersion { get; set; }

    /// <summary>True when item events arrived after <see cref="Embedding"/> was computed.</summary>
    [Id(9)] public bool EmbeddingStale { get; set; }

    /// <summary>The latest recommendations served, for attributing clicks and purchases, oldest first.</summary>
    [Id(10)] public List<IssuedRecommendation> Recommendations { get; set; } = [];

    /// <summary>Before the compact layout: the sequence as full events. Read once, never written.</summary>
    [Id(0)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<BehaviorEvent>? Recent { get; set; }

    /// <summary>Before the compact layout: the dedup window as event id strings. Read once, never written.</summary>
    [Id(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? SeenEventIds { get; set; }
}
