namespace EcomOrleans.Skus;

/// <summary>A SKU's forecast beside its actuals: the forecast in force, the recent days scored against the forecasts made before them, and the running accuracy.</summary>
/// <param name="Forecast"><see langword="null"/> until the first refresh.</param>
/// <param name="Recent">The last scored days, oldest first (at most 56).</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuDemandOutlook")]
public sealed record SkuDemandOutlook(
    [property: Id(0)] SkuForecast? Forecast,
    [property: Id(1)] IReadOnlyList<ForecastedDay> Recent,
    [property: Id(2)] ForecastAccuracy Accuracy);
