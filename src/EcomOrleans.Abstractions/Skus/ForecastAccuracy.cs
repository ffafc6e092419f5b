namespace EcomOrleans.Skus;

/// <summary>How a SKU's forecasts have done on every day scored so far (each day against the forecast in force that day).</summary>
/// <param name="Days">Days scored.</param>
/// <param name="MeanAbsoluteError">Mean |actual - forecast mean|, units per day; null before the first day.</param>
/// <param name="Bias">Mean (forecast mean - actual): above 0 forecasts too much; null before the first day.</param>
/// <param name="Wape">Sum of absolute errors over sum of actual units (weighted absolute percentage error); null while nothing sold.</param>
/// <param name="P90Coverage">Share of days at or under the forecast's p90 (about 0.9 when calibrated); null before the first day.</param>
[GenerateSerializer, Immutable, Alias("ecom.ForecastAccuracy")]
public sealed record ForecastAccuracy(
    [property: Id(0)] int Days,
    [property: Id(1)] double? MeanAbsoluteError,
    [property: Id(2)] double? Bias,
    [property: Id(3)] double? Wape,
    [property: Id(4)] double? P90Coverage);
