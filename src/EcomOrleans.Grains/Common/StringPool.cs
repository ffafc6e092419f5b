using System.Collections.Concurrent;

namespace EcomOrleans.Grains.Common;

/// <summary>
/// One shared instance per distinct SKU and category string in this silo, so that a million user grains holding
/// the same SKU in their sequences hold 8-byte references, not a million copies (every grain call and every state
/// read deserializes fresh strings). Bounded: past <see cref="MaxEntries"/> a string is returned as it came.
/// </summary>
public static class StringPool
{
    /// <summary>Distinct strings kept; a catalog of a few million SKUs and its categories fits.</summary>
    public const int MaxEntries = 4_000_000;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Intern(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (Pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return Pool.Count < MaxEntries ? Pool.GetOrAdd(value, value) : value;
    }
}
