namespace EcomOrleans.Grains.Common;

/// <summary>
/// A dedup window in two tiers: the newest keys in full in the grain's own state (<c>pending</c>), and once there are
/// <see cref="SpillAt"/> of them, the last <see cref="Capacity"/> keys in a record of their own (<see cref="IDedupSpillStore"/>),
/// of which memory keeps only <see cref="DedupFingerprints"/>. The window remembers at least the last
/// <see cref="Capacity"/> keys (up to <see cref="SpillAt"/> more) and decides on all 64 bits of each: a key that
/// matches a fingerprint is looked up in the stored record, read once a batch.
/// </summary>
/// <remarks>
/// One instance serves one batch: <see cref="AddAsync"/>, then <see cref="SpillIfDueAsync"/> before the grain writes
/// its own state. The spilled record is written first: if the grain's write then fails, its stored pending keys are
/// also in the record, which the next spill merges without duplicating. State written before the tiers (every key in
/// pending) loads as it is and spills on its next batch.
/// </remarks>
public sealed class SpillingDedupWindow
{
    /// <summary>Pending keys that make a spill: 64 (512 bytes), one read and one write of the record every 64 events.</summary>
    public const int DefaultSpillAt = 64;

    private readonly DedupState _pending;
    private readonly IDedupSpillStore _store;
    private DedupState? _stored;

    /// <param name="pending">The newest keys, in the grain's own state.</param>
    /// <param name="spilled">The fingerprints of the stored record's keys.</param>
    /// <param name="capacity">Keys the window remembers at least, at least 1.</param>
    /// <param name="spillAt">Pending keys that make a spill, at least 1; a window smaller than this spills at its capacity.</param>
    /// <param name="store">The record of spilled keys.</param>
    public SpillingDedupWindow(DedupState pending, DedupFingerprints spilled, int capacity, int spillAt, IDedupSpillStore store)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(spillAt, 1);
        _pending = pending;
        Spilled = spilled;
        Capacity = capacity;
        SpillAt = Math.Min(spillAt, capacity);
        _store = store;
    }

    public int Capacity { get; }

    public int SpillAt { get; }

    /// <summary>The fingerprints of the stored keys: after a spill, of the record just written.</summary>
    public DedupFingerprints Spilled { get; private set; }

    /// <summary>Whether <see cref="AddAsync"/> read the stored record, for a key that matched a fingerprint.</summary>
    public bool ReadForMatch { get; private set; }

    /// <summary>
    /// Which of <paramref name="keys"/> are new, in order (a key twice in the batch is new once); the new ones are
    /// remembered in pending. Reads the stored record only when a key not pending matches a fingerprint.
    /// </summary>
    public async Task<bool[]> AddAsync(IReadOnlyList<ulong> keys)
    {
        var pending = new DedupRing(_pending, Capacity);
        if (_stored is null && Spilled.Count > 0 && keys.Any(key => !pending.Contains(key) && Spilled.MayContain(key)))
        {
            _stored = await _store.ReadAsync();
            ReadForMatch = true;
        }

        var stored = _stored is null ? null : new DedupRing(_stored, Capacity);
        var fresh = new bool[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            fresh[i] = stored?.Contains(keys[i]) != true && pending.TryAdd(keys[i]);
        }

        return fresh;
    }

    /// <summary>
    /// When <see cref="SpillAt"/> keys are pending: merges them into the stored record (oldest out), writes it, and
    /// empties pending. Returns whether it spilled.
    /// </summary>
    public async Task<bool> SpillIfDueAsync()
    {
        if (_pending.Count < SpillAt)
        {
            return false;
        }

        var stored = _stored ?? await _store.ReadAsync();
        var ring = new DedupRing(stored, Capacity);
        foreach (var key in new DedupRing(_pending, Capacity).Chronological())
        {
            ring.TryAdd(key);
        }

        await _store.WriteAsync(stored);
        _pending.Keys = [];
        _pending.Count = 0;
        _pending.Next = 0;
        _stored = null;
        Spilled = DedupFingerprints.Of(stored);
        return true;
    }
}
