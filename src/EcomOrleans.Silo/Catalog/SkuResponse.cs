using EcomOrleans.Skus;

namespace EcomOrleans.Silo.Catalog;

/// <summary>A SKU as <c>GET /api/skus/{sku}</c> shows it: the catalog facts with live stock and demand totals.</summary>
public sealed record SkuResponse(
    string Sku,
    string Title,
    string Category,
    string Brand,
    decimal Price,
    decimal Cost,
    int Stock,
    int LeadTimeDays,
    bool InStock,
    long LostUnits,
    DemandCounts Totals,
    DateTimeOffset UpdatedAt)
{
    public static SkuResponse From(SkuSnapshot s) => new(
        s.Sku, s.Catalog.Title, s.Catalog.Category, s.Catalog.Brand, s.Catalog.Price, s.Catalog.Cost,
        s.Stock, s.Catalog.LeadTimeDays, s.InStock, s.LostUnits, s.Totals, s.UpdatedAt);
}
