namespace EcomOrleans.LoadGen.Datasets;

/// <summary>What a replay sends: the catalog first, then the events in global time order.</summary>
/// <param name="Catalog">Every SKU that at least one event refers to, ordered by SKU id.</param>
/// <param name="Events">Events ordered by timestamp; ties keep the data set's own order.</param>
public sealed record ReplayScript(string Dataset, IReadOnlyList<SkuDefinition> Catalog, ReplayEvent[] Events);
