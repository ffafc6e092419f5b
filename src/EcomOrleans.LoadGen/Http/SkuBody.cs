using EcomOrleans.LoadGen.Datasets;

namespace EcomOrleans.LoadGen.Http;

/// <summary>The body of <c>PUT /api/skus/{sku}</c>.</summary>
public sealed record SkuBody(string Title, string Category, string Brand, decimal Price, decimal Cost, int Stock, int LeadTimeDays)
{
    public static SkuBody From(SkuDefinition sku) =>
        new(sku.Title, sku.Category, sku.Brand, sku.Price, sku.Cost, sku.Stock, sku.LeadTimeDays);
}
