namespace EcomOrleans.Inference.Intent;

/// <summary>
/// Recent search queries' embeddings, so a query many shoppers type ("sunscreen") runs the sentence encoder once per
/// model version instead of once per search and once per recommendation after it. Bounded by two generations of at
/// most half the capacity each: lookups read the current one, then the previous one (a hit there moves the entry
/// forward); when the current generation is full it becomes the previous one and the oldest is dropped. So a query
/// asked again within the last <c>capacity / 2</c> distinct queries is always kept, and at most <c>capacity</c> are
/// (with a capacity of 1, the last query only).
/// Concurrent lookups of one text share one model run (the entry holds the pending task). A failed or refused run is
/// not kept. Thread-safe.
/// </summary>
public sealed class QueryEmbeddingCache
{
    private readonly int _generationSize;
    private readonly bool _keepPrevious;
    private readonly Lock _turning = new();
    private Dictionary<string, Entry> _current = new(StringComparer.Ordinal);
    private Dictionary<string, Entry> _previous = new(StringComparer.Ordinal);

    /// <param name="capacity">Most embeddings kept; 0 keeps none, and every lookup runs the model.</param>
    public QueryEmbeddingCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _generationSize = Math.Max(1, capacity / 2);
        _keepPrevious = capacity >= 2;
    }

    /// <summary>Most embeddings kept.</summary>
    public int Capacity { get; }

    /// <summary>Embeddings kept now, finished or pending.</summary>
    public int Count
    {
        get
        {
            lock (_turning)
            {
                return _current.Count + _previous.Count;
            }
        }
    }

    /// <summary>
    /// The embedding of <paramref name="text"/> by model <paramref name="version"/>: a kept one, or <paramref name="embed"/>'s,
    /// which is then kept. <paramref name="hit"/> says which.
    /// </summary>
    public Task<float[]> GetOrAdd(string text, string version, Func<string, Task<float[]>> embed, out bool hit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(embed);
        if (Capacity == 0)
        {
            hit = false;
            return embed(text);
        }

        lock (_turning)
        {
            if (TryUse(_current, text, version, out var kept))
            {
                hit = true;
                return kept;
            }

            if (TryUse(_previous, text, version, out kept))
            {
                Keep(text, new Entry(version, kept));
                hit = true;
                return kept;
            }
        }

        // The model is asked outside the lock; two first lookups of one text may both run it, and the later one is kept.
        var task = embed(text);
        if (!task.IsFaulted && !task.IsCanceled)
        {
            lock (_turning)
            {
                Keep(text, new Entry(version, task));
            }
        }

        hit = false;
        return task;
    }

    private static bool TryUse(Dictionary<string, Entry> generation, string text, string version, out Task<float[]> kept)
    {
        if (generation.TryGetValue(text, out var entry) && string.Equals(entry.Version, version, StringComparison.Ordinal)
            && !entry.Vector.IsFaulted && !entry.Vector.IsCanceled)
        {
            kept = entry.Vector;
            return true;
        }

        kept = null!;
        return false;
    }

    /// <summary>Puts the entry in the current generation (and out of the previous one), turning generations when full.</summary>
    private void Keep(string text, Entry entry)
    {
        _previous.Remove(text);
        if (!_current.ContainsKey(text) && _current.Count >= _generationSize)
        {
            _previous = _keepPrevious ? _current : new Dictionary<string, Entry>(StringComparer.Ordinal);
            _current = new Dictionary<string, Entry>(_generationSize, StringComparer.Ordinal);
        }

        _current[text] = entry;
    }

    private sealed record Entry(string Version, Task<float[]> Vector);
}
