namespace EcomOrleans.Grains.Common;

/// <summary>The record a grain spills the older part of its dedup window to, read and rewritten whole.</summary>
public interface IDedupSpillStore
{
    /// <summary>The stored window; an empty one when there is no record.</summary>
    Task<DedupState> ReadAsync();

    /// <summary>Writes <paramref name="window"/> over the record as <see cref="ReadAsync"/> last found it.</summary>
    Task WriteAsync(DedupState window);

    /// <summary>Deletes the record, if there is one.</summary>
    Task ClearAsync();
}
