using Orleans.Storage;

namespace EcomOrleans.Grains.Storage;

/// <summary>
/// Reads a grain's stored record apart from its activation, to notice a record deleted or rewritten under it (a
/// restore, an operator, a store that lost data) instead of serving what memory holds.
/// </summary>
internal static class StoredRecord
{
    /// <summary>Whether <paramref name="recheck"/> has passed since <paramref name="checkedAt"/> (a timestamp of <paramref name="time"/>); 0 is always.</summary>
    public static bool RecheckDue(TimeProvider time, long checkedAt, TimeSpan recheck) =>
        recheck <= TimeSpan.Zero || time.GetElapsedTime(checkedAt) >= recheck;

    /// <returns>The stored record when its existence or ETag differs from the activation's; null when they agree.</returns>
    public static async Task<GrainState<T>?> ReadIfChangedAsync<T>(IGrainStorage storage, string stateName, GrainId grainId, IPersistentState<T> current)
    {
        var stored = new GrainState<T>();
        await storage.ReadStateAsync(stateName, grainId, stored);
        return stored.RecordExists == current.RecordExists && string.Equals(stored.ETag, current.Etag, StringComparison.Ordinal)
            ? null
            : stored;
    }
}
