using EcomOrleans.Grains.Common;
using Orleans.Storage;

namespace EcomOrleans.Grains.Storage;

/// <summary>
/// The spilled dedup keys of one grain as a record of the grain's own storage provider, under a state name of its
/// own. Made for one batch and dropped after it: it holds the record's ETag from the read to the write, nothing
/// longer.
/// </summary>
internal sealed class GrainDedupSpillStore(IGrainStorage storage, string stateName, GrainId grainId) : IDedupSpillStore
{
    private GrainState<DedupState>? _read;

    public async Task<DedupState> ReadAsync()
    {
        var read = new GrainState<DedupState>();
        await storage.ReadStateAsync(stateName, grainId, read);
        read.State ??= new DedupState();
        _read = read;
        return read.State;
    }

    public async Task WriteAsync(DedupState window)
    {
        var write = _read ?? throw new InvalidOperationException("The spilled dedup record is written over what was read: read it first.");
        write.State = window;
        await storage.WriteStateAsync(stateName, grainId, write);
    }

    public async Task ClearAsync()
    {
        await ReadAsync();
        if (_read!.RecordExists)
        {
            await storage.ClearStateAsync(stateName, grainId, _read);
        }
    }
}
