namespace EcomOrleans.Client.Models;

/// <summary>
/// Latent demand: the answer of <c>GET /api/insights/demand-gaps</c>. Searches that led to no item come first;
/// categories losing most units to stock-outs come first.
/// </summary>
public sealed record DemandGaps(IReadOnlyList<SearchQueryCount> Searches, IReadOnlyList<CategoryGap>? Categories = null);

/// <summary>A category's latent demand over 28 days: totals, the SKUs losing most to stock-outs, and those viewed most per purchase.</summary>
public sealed record CategoryGap(
    string Category, int Skus, long Views, long Purchases, long Units, long LostUnits, double? Conversion,
    IReadOnlyList<GapSku> LostToStockOuts, IReadOnlyList<GapSku> ViewedNotBought);

/// <summary>A SKU in a category's gaps; <c>ViewsPerPurchase</c> is null when it was never bought.</summary>
public sealed record GapSku(string Sku, long Views, long Purchases, long Units, long LostUnits, int Stock, double? ViewsPerPurchase);
