namespace EcomOrleans.Skus;

/// <summary>What a SKU reports to its category's board: its demand, stock and cover, and its own price elasticity when it has one.</summary>
/// <param name="Units">Units sold over the last 28 days (UTC days, today included).</param>
/// <param name="Views">Views over the same days.</param>
/// <param name="Purchases">Purchase events over the same days.</param>
/// <param name="LostUnits">Estimated units lost to stock-outs over the same days (views while out of stock times the in-stock conversion).</param>
/// <param name="DaysOfCover">Stock over the forecast's mean units a day (or the last 28 days' when there is no forecast); null without demand.</param>
/// <param name="Elasticity">The SKU's own fitted price elasticity, when its history allowed a fit; what the category's prior is made of.</param>
/// <param name="ElasticityStandardError">The standard error of <paramref name="Elasticity"/>.</param>
/// <param name="UnitsToday">Units sold today (UTC).</param>
/// <param name="ForecastPerDay">The forecast's mean units a day; null without a forecast.</param>
/// <param name="Urgency">The restock decision's urgency (<see cref="RestockUrgencies"/>: out of stock, critical, ...), as the decisions endpoint gives it; without a forecast, <see cref="RestockUrgencies.OutOfStock"/> with nothing on hand, else null.</param>
/// <param name="PendingPriceChange">A pending price suggestion's change as a fraction of the price (-0.1: 10 % down); null without one.</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuStanding")]
public sealed record SkuStanding(
    [property: Id(0)] string Sku,
    [property: Id(1)] long Units,
    [property: Id(2)] long Views,
    [property: Id(3)] long Purchases,
    [property: Id(4)] long LostUnits,
    [property: Id(5)] int Stock,
    [property: Id(6)] double? DaysOfCover,
    [property: Id(7)] double? Elasticity,
    [property: Id(8)] double? ElasticityStandardError,
    [property: Id(9)] DateTimeOffset ReportedAt,
    [property: Id(10)] long UnitsToday = 0,
    [property: Id(11)] double? ForecastPerDay = null,
    [property: Id(12)] string? Urgency = null,
    [property: Id(13)] double? PendingPriceChange = null);
