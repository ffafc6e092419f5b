using EcomOrleans.Catalog;

namespace EcomOrleans.Grains.Catalog;

[GenerateSerializer, Alias("ecom.CatalogShardState")]
public sealed class CatalogShardState
{
    [Id(0)] public Dictionary<string, SkuListing> Listings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The version of the latest change; the next listing gets one more.</summary>
    [Id(1)] public long Version { get; set; }
}
