namespace EcomOrleans.LoadGen.Datasets;

/// <summary>FNV-1a over UTF-16 code units: unlike <see cref="string.GetHashCode()"/> it is the same in every process.</summary>
internal static class StableHash
{
    public static ulong Of(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
