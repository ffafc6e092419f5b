using EcomOrleans.Skus;

namespace EcomOrleans.Silo.Catalog;

/// <summary>
/// <c>GET /api/skus/{sku}/demand</c>: the demand buckets, and beside them the forecast in force, the last days scored
/// against the forecasts made before them, and the running accuracy.
/// </summary>
/// <param name="Forecast"><see langword="null"/> until the SKU's first forecast refresh.</param>
/// <param name="ForecastVsActual">The last scored days, oldest first: what was forecast for each, and what sold.</param>
public sealed record SkuDemandResponse(
    string Sku,
    DemandGranularity Granularity,
    IReadOnlyList<DemandBucket> Buckets,
    SkuForecast? Forecast,
    IReadOnlyList<ForecastedDay> ForecastVsActual,
    ForecastAccuracy Accuracy)
{
    public static SkuDemandResponse From(DemandSeries series, SkuDemandOutlook? outlook) => new(
        series.Sku, series.Granularity, series.Buckets, outlook?.Forecast, outlook?.Recent ?? [], outlook?.Accuracy ?? new ForecastAccuracy(0, null, null, null, null));
}
