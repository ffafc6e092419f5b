namespace EcomOrleans.Skus;

/// <summary>What a recommender must know of a SKU right now.</summary>
/// <param name="InCatalog">False when the SKU was never put in the catalog (stock unknown: never recommended).</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuAvailability")]
public sealed record SkuAvailability(
    [property: Id(0)] string Sku,
    [property: Id(1)] bool InCatalog,
    [property: Id(2)] int Stock,
    [property: Id(3)] string? Category)
{
    public bool CanRecommend => InCatalog && Stock > 0;
}
