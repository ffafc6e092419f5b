namespace EcomOrleans.Silo.Catalog;

/// <summary>The body of <c>PUT /api/skus/{sku}</c>; fields are optional here so validation can name each missing one.</summary>
public sealed record SkuRequest(
    string? Title,
    string? Category,
    string? Brand,
    decimal? Price,
    decimal? Cost,
    int? Stock,
    int? LeadTimeDays);
