namespace EcomOrleans.Catalog;

/// <summary>How SKUs are spread over <see cref="ICatalogShardGrain"/>s.</summary>
public static class CatalogShards
{
    /// <summary>
    /// Number of shards: a million SKUs make about 4,000 listings (under 300 KB stored) per shard. Changing it
    /// re-homes listings, so treat it as fixed.
    /// </summary>
    public const int Count = 256;

    public static int ShardOf(string sku) => (int)(StableHash.Of(sku) % Count);
}
