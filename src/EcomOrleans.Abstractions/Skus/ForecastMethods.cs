namespace EcomOrleans.Skus;

/// <summary>How a SKU's forecast was made: the wire names of <see cref="SkuForecast.Method"/>.</summary>
public static class ForecastMethods
{
    /// <summary>The demand model blended with seasonal smoothing, as the backtest chose (the normal case).</summary>
    public const string Blend = "blend";

    /// <summary>
    /// Exponential smoothing of demand adjusted for the weekday and the month start, alone: fewer days of history than
    /// the model reads, or the model was unavailable.
    /// </summary>
    public const string SeasonalSmoothing = "seasonal_smoothing";

    /// <summary>Plain exponential smoothing: what forecasts made before seasonal smoothing (2026-12-03) said instead of <see cref="SeasonalSmoothing"/>; still read from stored plans.</summary>
    public const string ExponentialSmoothing = "exponential_smoothing";

    /// <summary>Weekly seasonal naive: one to two weeks of history.</summary>
    public const string SeasonalNaive = "seasonal_naive";

    /// <summary>Under a week of history: no forecast (every day 0), and decisions say so.</summary>
    public const string None = "none";
}
