namespace EcomOrleans.Catalog;

/// <summary>
/// The listings of the SKUs whose <see cref="CatalogShards.ShardOf"/> is this grain's key: what every silo's catalog
/// read model is built from. SKU grains publish to it; silos subscribe to it.
/// </summary>
[Alias("ecom.ICatalogShardGrain")]
public interface ICatalogShardGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Stores the listing (the shard stamps its version) and returns once it is durable and every subscribed read
    /// model has it (or has been dropped for not answering).
    /// </summary>
    [Alias("Publish")]
    Task PublishAsync(SkuListing listing);

    /// <summary>Subscribes (or renews) <paramref name="observer"/>; returns the listings newer than <paramref name="knownVersion"/>.</summary>
    [Alias("Subscribe")]
    Task<IReadOnlyList<SkuListing>> SubscribeAsync(ICatalogObserver observer, long knownVersion);
}
