namespace EcomOrleans.Client.Models;

/// <summary>A SKU as <c>GET</c> and <c>PUT /api/skus/{sku}</c> answer it: its catalog facts with live stock and lifetime demand.</summary>
/// <param name="Stock">Units on hand now.</param>
/// <param name="LostUnits">Units asked for while it was out of stock.</param>
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
    DateTimeOffset UpdatedAt);
