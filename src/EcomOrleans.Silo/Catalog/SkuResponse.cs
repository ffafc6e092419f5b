using EcomOrleans.Skus;

namespace EcomOrleans.Silo.Catalog;

/// <summary>A SKU as <c>GET /api/skus/{sku}</c> shows it: the catalog facts with live stock and demand totals.</summary>
/// <param name="LostUnits">Estimated units of demand lost to stock-outs (views while out of stock times the in-stock conversion).</param>
/// <param name="OversoldUnits">Units sold beyond the stock the engine held: sales, and a sign its stock figure was behind.</param>
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
    DateTimeOffset UpdatedAt,
    long OversoldUnits)
{
    public static SkuResponse From(SkuSnapshot s) => new(
        s.Sku, s.Catalog.Title, s.Catalog.Category, s.Catalog.Brand, s.Catalog.Price, s.Catalog.Cost,
        s.Stock, s.Catalog.LeadTimeDays, s.InStock, s.LostUnits, s.Totals, s.UpdatedAt, s.OversoldUnits);
}
