namespace EcomOrleans.Inference;

/// <summary>Daily unit forecasts for the days after a history, by quantile.</summary>
/// <param name="FirstDay">The first forecast day.</param>
/// <param name="P50">Median units per day.</param>
/// <param name="P90">Units per day that demand stays at or under with 90 % probability.</param>
[GenerateSerializer, Immutable, Alias("ecom.DemandForecast")]
public sealed record DemandForecast(
    [property: Id(0)] string Sku,
    [property: Id(1)] DateOnly FirstDay,
    [property: Id(2)] float[] P50,
    [property: Id(3)] float[] P90,
    [property: Id(4)] string ModelVersion);
