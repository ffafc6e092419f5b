namespace EcomOrleans.Merchandising.Pricing;

/// <summary>The seasonal dummies an elasticity fit controls for; the caller picks the one that matches its data's period.</summary>
public enum Seasonality
{
    /// <summary>No seasonal control (weekly data too short for a yearly cycle, or data already deseasonalised).</summary>
    None,

    /// <summary>A dummy per day of the week, for daily data.</summary>
    DayOfWeek,

    /// <summary>A dummy per calendar month.</summary>
    MonthOfYear,

    /// <summary>A dummy per ISO week of the year (1 to 53), for weekly data that spans several years.</summary>
    WeekOfYear,
}
