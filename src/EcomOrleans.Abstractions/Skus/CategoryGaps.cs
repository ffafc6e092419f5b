namespace EcomOrleans.Skus;

/// <summary>
/// One category's latent demand over the last 28 days, from the standings its SKUs last reported: the totals, the SKUs
/// losing the most units to stock-outs, and the SKUs viewed most often per purchase.
/// </summary>
/// <param name="Category">The category (the board's key).</param>
/// <param name="Skus">SKUs on the board.</param>
/// <param name="Views">Views over the board's SKUs.</param>
/// <param name="Purchases">Purchase events over the board's SKUs.</param>
/// <param name="Units">Units sold over the board's SKUs.</param>
/// <param name="LostUnits">Estimated units lost to stock-outs over the board's SKUs.</param>
/// <param name="LostToStockOuts">SKUs with lost units, most first.</param>
/// <param name="ViewedNotBought">SKUs with at least the minimum views, most views per purchase first (never bought first of all).</param>
[GenerateSerializer, Immutable, Alias("ecom.CategoryGaps")]
public sealed record CategoryGaps(
    [property: Id(0)] string Category,
    [property: Id(1)] int Skus,
    [property: Id(2)] long Views,
    [property: Id(3)] long Purchases,
    [property: Id(4)] long Units,
    [property: Id(5)] long LostUnits,
    [property: Id(6)] IReadOnlyList<SkuStanding> LostToStockOuts,
    [property: Id(7)] IReadOnlyList<SkuStanding> ViewedNotBought);
