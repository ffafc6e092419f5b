namespace EcomOrleans;

/// <summary>
/// The engine's one stable hash: 64-bit FNV-1a over UTF-16 code units. Unlike
/// <see cref="string.GetHashCode()"/> it is the same in every process and on every silo, so it can
/// name shards and be persisted (dedup windows keep these values, not the strings).
/// </summary>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The hash of <paramref name="value"/>.</summary>
    public static ulong Of(string value) => Append(OffsetBasis, value);

    /// <summary>
    /// The hash of two strings with a separator no identifier may contain (a newline), so
    /// ("ab", "c") and ("a", "bc") differ.
    /// </summary>
    public static ulong Of(string first, string second) => Append((Append(OffsetBasis, first) ^ '\n') * Prime, second);

    private static ulong Append(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}
