using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// The third record of a <see cref="SkuGrain"/>: its forecast, the days scored against it and the running errors.
/// Apart from the hot and the demand records, so a forecast refresh never rewrites either.
/// </summary>
[GenerateSerializer, Alias("ecom.SkuPlanState")]
public sealed class SkuPlanState
{
    [Id(0)] public SkuForecast? Forecast { get; set; }

    /// <summary>The last scored days, oldest first, at most <see cref="ForecastOptions.ScoredDaysKept"/>.</summary>
    [Id(1)] public List<ForecastedDay> Recent { get; set; } = [];

    [Id(2)] public ForecastErrorState Errors { get; set; } = new();

    /// <summary>The last day scored; days up to it are never scored again.</summary>
    [Id(3)] public DateOnly ScoredThrough { get; set; }
}
