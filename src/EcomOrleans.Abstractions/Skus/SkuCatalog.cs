namespace EcomOrleans.Skus;

/// <summary>Catalog facts of a SKU as merchandisers set them.</summary>
/// <param name="Price">Selling price per unit, in the store's currency.</param>
/// <param name="Cost">Unit cost, in the store's currency.</param>
/// <param name="Stock">Units on hand.</param>
/// <param name="LeadTimeDays">Days from a restock order to units on hand.</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuCatalog")]
public sealed record SkuCatalog(
    [property: Id(0)] string Title,
    [property: Id(1)] string Category,
    [property: Id(2)] string Brand,
    [property: Id(3)] decimal Price,
    [property: Id(4)] decimal Cost,
    [property: Id(5)] int Stock,
    [property: Id(6)] int LeadTimeDays);
