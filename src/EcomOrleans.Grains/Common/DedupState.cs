using System.Text.Json.Serialization;

namespace EcomOrleans.Grains.Common;

/// <summary>
/// The persisted form of a <see cref="DedupRing"/>: 64-bit event keys (<see cref="StableHash.Of(string, string)"/> of
/// user id and event id) in a ring, written as one base64 string of little-endian keys.
/// </summary>
/// <remarks>NOTE: this has to be a mutable object: grain storage serializes it and the ring updates it in place.</remarks>
[GenerateSerializer, Alias("ecom.DedupState")]
[JsonConverter(typeof(DedupStateJsonConverter))]
public sealed class DedupState
{
    /// <summary>The ring's slots; only the first <see cref="Count"/> are in use (the array grows to the window).</summary>
    [Id(0)] public ulong[] Keys { get; set; } = [];

    /// <summary>Keys in use.</summary>
    [Id(1)] public int Count { get; set; }

    /// <summary>The slot the next key goes to once the ring is full; the oldest key sits there.</summary>
    [Id(2)] public int Next { get; set; }
}
