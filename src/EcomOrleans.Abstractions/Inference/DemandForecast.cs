namespace EcomOrleans.Inference;

/// <summary>The demand model's daily unit forecasts for the days after a history, and how the engine blends them.</summary>
/// <param name="FirstDay">The first forecast day.</param>
/// <param name="P50">Median units per day.</param>
/// <param name="P90">Units per day that demand stays at or under with 90 % probability.</param>
/// <param name="Mean">Expected units per day (the median when the model has no mean output).</param>
/// <param name="P10">Units per day that demand stays at or under with 10 % probability (the median when the model has no p10).</param>
/// <param name="BlendWeight">The weight the backtest chose for this model against seasonal smoothing (1: the model alone).</param>
/// <param name="QuantileScale">The spread the backtest chose for the blended quantiles around the median (1: as they are).</param>
[GenerateSerializer, Immutable, Alias("ecom.DemandForecast")]
public sealed record DemandForecast(
    [property: Id(0)] string Sku,
    [property: Id(1)] DateOnly FirstDay,
    [property: Id(2)] float[] P50,
    [property: Id(3)] float[] P90,
    [property: Id(4)] string ModelVersion,
    [property: Id(5)] float[] Mean,
    [property: Id(6)] float[] P10,
    [property: Id(7)] double BlendWeight,
    [property: Id(8)] double QuantileScale);
