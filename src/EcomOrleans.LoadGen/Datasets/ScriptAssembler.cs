namespace EcomOrleans.LoadGen.Datasets;

/// <summary>Puts events in global time order, applies the limit, and keeps the catalog entries the events use.</summary>
internal static class ScriptAssembler
{
    public static ReplayScript Assemble(string dataset, List<ReplayEvent> events, IReadOnlyDictionary<long, SkuDefinition> catalogByItem, ScriptOptions options)
    {
        // OrderBy is a stable sort: events with equal timestamps keep the order the timeline wrote them in.
        var ordered = events.OrderBy(e => e.Timestamp.UtcTicks);
        var kept = (options.Limit is { } limit ? ordered.Take(limit) : ordered).ToArray();
        var used = kept.Select(e => e.Sku).ToHashSet(StringComparer.Ordinal);
        var catalog = catalogByItem
            .Where(entry => used.Contains(entry.Value.Sku))
            .OrderBy(entry => entry.Key)
            .Select(entry => entry.Value)
            .ToArray();
        return new ReplayScript(dataset, catalog, kept);
    }
}
