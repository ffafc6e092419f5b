namespace EcomOrleans.LoadGen.Datasets;

/// <summary>Catalog facts of one SKU, as <c>PUT /api/skus/{sku}</c> takes them (plus the SKU id itself).</summary>
/// <param name="Price">Selling price in dollars, &gt; 0.</param>
/// <param name="Cost">Unit cost in dollars, 40-70% of the price.</param>
/// <param name="Stock">Units on hand at the start of the replay.</param>
/// <param name="LeadTimeDays">Days from a restock order to the shelf, 3-21.</param>
public sealed record SkuDefinition(
    string Sku,
    string Title,
    string Category,
    string Brand,
    decimal Price,
    decimal Cost,
    int Stock,
    int LeadTimeDays);
