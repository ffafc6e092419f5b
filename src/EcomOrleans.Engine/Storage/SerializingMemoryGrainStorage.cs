using System.Globalization;
using Orleans.Storage;

namespace EcomOrleans.Engine.Storage;

/// <summary>
/// The embedded default's grain storage: each grain state kept in this process as the bytes the configured storage
/// serializer writes, what Redis or Azure Table would hold. State really goes through JSON (a converter that cannot
/// read what it wrote fails here, not in production), its size can be measured, and state written by an older
/// layout can be seeded. Writes and clears check the ETag the grain read, as a durable store does
/// (<see cref="InconsistentStateException"/> on a mismatch). NOT durable, and one silo's: lost when the process
/// stops, never seen by another silo.
/// </summary>
/// <remarks>
/// Orleans' own memory storage keeps state in storage grains, which costs every write a grain call and a deep copy
/// of its bytes (about a tenth of the in-process ingestion ceiling's CPU, profiled 2026-12-07) and lets a write
/// made while the silo stops wait on a grain that has gone.
/// </remarks>
public sealed class SerializingMemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string State, GrainId Grain), (BinaryData Data, string ETag)> _stored = [];
    private long _etag;

    /// <summary>Bytes stored over every state of <paramref name="grain"/>.</summary>
    public int StoredBytes(GrainId grain)
    {
        lock (_lock)
        {
            return _stored.Where(s => s.Key.Grain == grain).Sum(s => s.Value.Data.ToMemory().Length);
        }
    }

    /// <summary>What is stored for one state of <paramref name="grain"/>, or <see langword="null"/>.</summary>
    public BinaryData? Read(string stateName, GrainId grain)
    {
        lock (_lock)
        {
            return _stored.TryGetValue((stateName, grain), out var stored) ? stored.Data : null;
        }
    }

    /// <summary>The JSON of one state of <paramref name="grain"/> (decompressed if it was stored compressed), or <see langword="null"/>.</summary>
    public string? ReadJson(string stateName, GrainId grain) =>
        Read(stateName, grain) is { } data ? CompressedGrainStorageSerializer.Decode(data).ToString() : null;

    /// <summary>Stores <paramref name="data"/> as if the grain had written it (state written by an older layout, in tests).</summary>
    public void Seed(string stateName, GrainId grain, BinaryData data)
    {
        lock (_lock)
        {
            _stored[(stateName, grain)] = (data, NextETag());
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        (BinaryData Data, string ETag) stored;
        bool found;
        lock (_lock)
        {
            found = _stored.TryGetValue((stateName, grainId), out stored);
        }

        if (found)
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.RecordExists = true;
            grainState.ETag = stored.ETag;
        }
        else
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State);
        lock (_lock)
        {
            var key = (stateName, grainId);
            Check(stateName, grainId, key, grainState.ETag);
            var etag = NextETag();
            _stored[key] = (data, etag);
            grainState.ETag = etag;
        }

        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_lock)
        {
            var key = (stateName, grainId);
            Check(stateName, grainId, key, grainState.ETag);
            _stored.Remove(key);
        }

        grainState.RecordExists = false;
        grainState.ETag = null;
        return Task.CompletedTask;
    }

    /// <summary>Under the lock: the grain's ETag must be the stored record's (none for none).</summary>
    private void Check(string stateName, GrainId grainId, (string, GrainId) key, string? etag)
    {
        var stored = _stored.TryGetValue(key, out var record) ? record.ETag : null;
        if (!string.Equals(stored, etag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"The '{stateName}' state of {grainId} was changed since this activation read it (stored ETag {stored ?? "none"}, the grain's {etag ?? "none"}).",
                stored ?? "", etag ?? "");
        }
    }

    private string NextETag() => (++_etag).ToString(CultureInfo.InvariantCulture);
}
