namespace EcomOrleans.Catalog;

/// <summary>
/// What the recommendation read model knows of a SKU: it is in the catalog, its category and whether it has stock.
/// SKU grains push a new listing when the catalog changes or stock crosses zero, before they acknowledge.
/// </summary>
/// <param name="Version">Grows with every change of the SKU's listing; a cache keeps the highest it has seen.</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuListing")]
public sealed record SkuListing(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Category,
    [property: Id(2)] bool InStock,
    [property: Id(3)] long Version);
