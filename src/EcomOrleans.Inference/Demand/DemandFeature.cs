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

    /// <summary>Where the day falls in its month (pay days, benefit days such as SNAP): sin and cos of (day - 1) / days in the month.</summary>
    DayOfMonthSin,
    DayOfMonthCos,
}
