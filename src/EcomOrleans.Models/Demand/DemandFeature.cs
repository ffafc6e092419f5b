namespace EcomOrleans.Models.Demand;

/// <summary>One per-day input feature of the demand model; <see cref="DemandFeatures.All"/> gives each its stable name.</summary>
public enum DemandFeature
{
    /// <summary><c>scaled_units</c>: units / scale.</summary>
    ScaledUnits,

    /// <summary><c>price_ratio</c>: price / median(price over the window) - 1 (0 when unknown).</summary>
    PriceRatio,

    /// <summary><c>dow_sin</c>: sin(2 pi dayOfWeek / 7), dayOfWeek 0 = Sunday.</summary>
    DayOfWeekSin,

    /// <summary><c>dow_cos</c>: cos(2 pi dayOfWeek / 7).</summary>
    DayOfWeekCos,

    /// <summary><c>month_sin</c>: sin(2 pi (month - 1) / 12).</summary>
    MonthSin,

    /// <summary><c>month_cos</c>: cos(2 pi (month - 1) / 12).</summary>
    MonthCos,

    /// <summary><c>event_day</c>: 1 on an event day, else 0 (0 when unknown).</summary>
    EventDay,

    /// <summary><c>log_scale</c>: ln(1 + scale), the same on every day.</summary>
    LogScale,

    /// <summary><c>days_since_sale</c>: days since the last day with sales, counted within the window, / window (1 when none).</summary>
    DaysSinceSale,

    /// <summary><c>dom_sin</c>: sin(2 pi (dayOfMonth - 1) / daysInMonth); pay days, benefit days.</summary>
    DayOfMonthSin,

    /// <summary><c>dom_cos</c>: cos(2 pi (dayOfMonth - 1) / daysInMonth).</summary>
    DayOfMonthCos,
}
