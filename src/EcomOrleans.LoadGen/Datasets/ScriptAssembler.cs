using System.Runtime.InteropServices;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>Puts events in global time order, applies the limit, and keeps the catalog entries the events use.</summary>
internal static class ScriptAssembler
{
    public static ReplayScript Assemble(string dataset, List<ReplayEvent> events, IReadOnlyDictionary<long, SkuDefinition> catalogByItem, ScriptOptions options)
    {
        var span = CollectionsMarshal.AsSpan(events);

        // Sorted in place by (time, position): equal timestamps keep the order the timeline wrote them in.
        var keys = new (long Ticks, int Position)[span.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (span[i].Timestamp.UtcTicks, i);
        }

        keys.AsSpan().Sort(span);
        var kept = span[..Math.Min(span.Length, options.Limit ?? int.MaxValue)].ToArray();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in kept)
        {
            used.Add(e.Sku);
        }

        var catalog = catalogByItem
            .Where(entry => used.Contains(entry.Value.Sku))
            .OrderBy(entry => entry.Key)
            .Select(entry => entry.Value)
            .ToArray();
        return new ReplayScript(dataset, catalog, kept);
    }
}
