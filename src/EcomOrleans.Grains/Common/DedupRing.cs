namespace EcomOrleans.Grains.Common;

/// <summary>
/// The last <see cref="Capacity"/> distinct event keys of a grain, oldest overwritten first: the dedup window of user
/// and SKU grains alike. Keys live in one <c>ulong[]</c> (8 bytes each, no per-key object) and a lookup is a
/// vectorised scan, which at 1,000 keys costs less than hashing a string. Works on its <see cref="DedupState"/> in
/// place, so nothing is kept twice.
/// </summary>
public sealed class DedupRing
{
    private const int InitialSlots = 8;

    private readonly DedupState _state;

    /// <param name="state">The persisted window; re-ordered and trimmed when it was written with another capacity.</param>
    /// <param name="capacity">Keys remembered, at least 1.</param>
    public DedupRing(DedupState state, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _state = state;
        Capacity = capacity;
        if (state.Count > capacity || (state.Count < capacity && state.Next != state.Count))
        {
            Linearize();
        }
    }

    public int Capacity { get; }

    public int Count => _state.Count;

    public bool Contains(ulong key) => _state.Keys.AsSpan(0, _state.Count).Contains(key);

    /// <summary>Remembers <paramref name="key"/>; false (and nothing changes) when it is already in the window.</summary>
    public bool TryAdd(ulong key)
    {
        if (Contains(key))
        {
            return false;
        }

        var state = _state;
        if (state.Count < Capacity)
        {
            if (state.Keys.Length == state.Count)
            {
                var keys = state.Keys;
                Array.Resize(ref keys, Math.Min(Capacity, Math.Max(InitialSlots, state.Count * 2)));
                state.Keys = keys;
            }

            state.Keys[state.Count++] = key;
            state.Next = state.Count % Capacity;
            return true;
        }

        state.Keys[state.Next] = key;
        state.Next = (state.Next + 1) % Capacity;
        return true;
    }

    /// <summary>The keys oldest first.</summary>
    public IEnumerable<ulong> Chronological()
    {
        var oldest = _state.Next < _state.Count ? _state.Next : 0;
        for (var i = 0; i < _state.Count; i++)
        {
            yield return _state.Keys[(oldest + i) % _state.Count];
        }
    }

    /// <summary>Re-lays the keys oldest first in an array of at most <see cref="Capacity"/>, keeping the newest.</summary>
    private void Linearize()
    {
        var ordered = Chronological().ToArray();
        var kept = ordered.AsSpan(Math.Max(0, ordered.Length - Capacity)).ToArray();
        _state.Keys = kept;
        _state.Count = kept.Length;
        _state.Next = kept.Length % Capacity;
    }
}
