using Orleans.Storage;

namespace EcomOrleans.Engine.Storage;

/// <summary>
/// Grain storage that keeps each grain state as the bytes the configured storage serializer writes: what Redis or
/// Azure Table would hold, so state really goes through JSON (a converter that cannot read what it wrote fails
/// here, not in production), its size can be measured, and state written by an older layout can be seeded. NOT
/// durable: for tests and benchmarks only.
/// </summary>
public sealed class SerializingMemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string State, GrainId Grain), BinaryData> _stored = [];
    private long _etag;

    /// <summary>Bytes stored over every state of <paramref name="grain"/>.</summary>
    public int StoredBytes(GrainId grain)
    {
        lock (_lock)
        {
            return _stored.Where(s => s.Key.Grain == grain).Sum(s => s.Value.ToMemory().Length);
        }
    }

    /// <summary>What is stored for one state of <paramref name="grain"/>, or <see langword="null"/>.</summary>
    public BinaryData? Read(string stateName, GrainId grain)
    {
        lock (_lock)
        {
            return _stored.GetValueOrDefault((stateName, grain));
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
            _stored[(stateName, grain)] = data;
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Read(stateName, grainId) is { } data)
        {
            grainState.State = serializer.Deserialize<T>(data);
            grainState.RecordExists = true;
            grainState.ETag = "1";
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State);
        lock (_lock)
        {
            _stored[(stateName, grainId)] = data;
            grainState.ETag = (++_etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_lock)
        {
            _stored.Remove((stateName, grainId));
        }

        grainState.RecordExists = false;
        grainState.ETag = null;
        return Task.CompletedTask;
    }
}
