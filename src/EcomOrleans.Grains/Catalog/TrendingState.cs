using EcomOrleans.Catalog;

namespace EcomOrleans.Grains.Catalog;

[GenerateSerializer, Alias("ecom.TrendingState")]
public sealed class TrendingState
{
    /// <summary>The latest report of each tracked SKU.</summary>
    [Id(0)] public Dictionary<string, SkuDemandReport> Reports { get; set; } = new(StringComparer.Ordinal);
}
