namespace EcomOrleans.Skus;

/// <summary>A SKU's restock decision with what it was made from (units unless named otherwise).</summary>
/// <param name="Policy"><c>order_up_to</c> (periodic review to S at the service level) or <c>newsvendor</c> (S at the critical ratio).</param>
/// <param name="Urgency"><c>out_of_stock</c>, <c>critical</c> (runs out before an order lands), <c>reorder</c>, <c>healthy</c> or <c>overstocked</c>.</param>
/// <param name="OrderQuantity">Units to order now (0 when none).</param>
/// <param name="ReorderPoint">Demand over the lead time plus z·σ over it.</param>
/// <param name="OrderUpToLevel">S: demand over lead time plus review period, plus the safety stock.</param>
/// <param name="SafetyStock">z·σ over lead time plus review period.</param>
/// <param name="LeadTimeDemand">Expected units over the lead time.</param>
/// <param name="ProtectionDemand">Expected units over lead time plus review period.</param>
/// <param name="ProtectionDemandStdDev">σ of that demand, from the forecast's p10..p90 (days independent).</param>
/// <param name="ServiceLevel">The cycle service level S is set at (the target, or the newsvendor's critical ratio).</param>
/// <param name="DaysOfCover">Stock over the mean daily demand forecast; null when none is forecast.</param>
/// <param name="ForecastMethod">How the forecast behind it was made (<see cref="ForecastMethods"/>).</param>
/// <param name="Reason">One line a merchandiser reads.</param>
[GenerateSerializer, Immutable, Alias("ecom.RestockAdvice")]
public sealed record RestockAdvice(
    [property: Id(0)] string Policy,
    [property: Id(1)] string Urgency,
    [property: Id(2)] int OrderQuantity,
    [property: Id(3)] double ReorderPoint,
    [property: Id(4)] double OrderUpToLevel,
    [property: Id(5)] double SafetyStock,
    [property: Id(6)] double LeadTimeDemand,
    [property: Id(7)] double ProtectionDemand,
    [property: Id(8)] double ProtectionDemandStdDev,
    [property: Id(9)] double ServiceLevel,
    [property: Id(10)] double? DaysOfCover,
    [property: Id(11)] int Stock,
    [property: Id(12)] int LeadTimeDays,
    [property: Id(13)] int ReviewPeriodDays,
    [property: Id(14)] string ForecastMethod,
    [property: Id(15)] string Reason);
