namespace EcomOrleans.Inference.Demand;

/// <summary>One per-day input feature of the demand model, as <see cref="DemandFeatures"/> names it.</summary>
internal enum DemandFeature
{
    Units,
    Price,
    DayOfWeekSin,
    DayOfWeekCos,
    MonthSin,
    MonthCos,
    EventDay,
    LogScale,
    DaysSinceSale,
}
