namespace EcomOrleans.Client.Models;

/// <summary>A SKU as <c>GET</c> and <c>PUT /api/skus/{sku}</c> answer it: its catalog facts with live stock and lifetime demand.</summary>
/// <param name="Stock">Units on hand now.</param>
/// <param name="LostUnits">Estimated units of demand lost to stock-outs (views while out of stock times the in-stock conversion).</param>
/// <param name="OversoldUnits">Units sold beyond the stock the engine held.</param>
/// <param name="Totals">Demand over the SKU's lifetime.</param>
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
    long OversoldUnits = 0);
