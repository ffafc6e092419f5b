namespace EcomOrleans.Client.Models;

/// <summary>Demand counted over some span.</summary>
/// <param name="Purchases">Purchase events.</param>
/// <param name="Units">Units bought across those purchases.</param>
/// <param name="Revenue">Units times unit price, in the store's currency.</param>
public sealed record DemandCounts(long Views, long Clicks, long Carts, long Purchases, long Units, decimal Revenue, long OutOfStockViews = 0);
