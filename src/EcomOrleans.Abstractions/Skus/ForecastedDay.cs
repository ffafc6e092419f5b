namespace EcomOrleans.Skus;

/// <summary>One past day: what the forecast in force that day said, and what sold.</summary>
/// <param name="Actual">Units sold that day (UTC).</param>
[GenerateSerializer, Immutable, Alias("ecom.ForecastedDay")]
public sealed record ForecastedDay(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] float Actual,
    [property: Id(2)] float Mean,
    [property: Id(3)] float P10,
    [property: Id(4)] float P90,
    [property: Id(5)] string Method);
