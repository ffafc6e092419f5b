using Orleans.Storage;

namespace EcomOrleans.LoadGen.Memory;

/// <summary>
/// Grain storage for <c>bench-memory</c>: keeps each grain's state as the bytes the configured storage serializer
/// writes (what Redis or Azure Table would hold), so a deactivated grain reactivates from them and the benchmark can
/// report stored bytes per grain. Not durable; a benchmark tool only.
/// </summary>
public sealed class SizedMemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, BinaryData> _stored = [];
    private long _etag;

    /// <summary>Bytes now stored for <paramref name="grain"/>; 0 when nothing is.</summary>
    public int StoredBytes(GrainId grain)
    {
        lock (_lock)
        {
            return _stored.TryGetValue(grain, out var data) ? data.ToMemory().Length : 0;
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        BinaryData? data;
        lock (_lock)
        {
            _stored.TryGetValue(grainId, out data);
        }

        if (data is not null)
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
            _stored[grainId] = data;
            grainState.ETag = (++_etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_lock)
        {
            _stored.Remove(grainId);
        }

        grainState.RecordExists = false;
        grainState.ETag = null;
        return Task.CompletedTask;
    }
}
