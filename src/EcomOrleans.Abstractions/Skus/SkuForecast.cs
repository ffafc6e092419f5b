namespace EcomOrleans.Skus;

/// <summary>A SKU's daily demand forecast, day 0 = <paramref name="FirstDay"/> (UTC), in units per day.</summary>
/// <param name="Method">One of <see cref="ForecastMethods"/>.</param>
/// <param name="ModelVersion">The demand model's version when the model took part; otherwise <see langword="null"/>.</param>
/// <param name="MadeAt">When it was made.</param>
/// <param name="HistoryDays">Days of history it was made from (the days before <paramref name="FirstDay"/> since the SKU's first recorded demand within the unit history's retention, and the days without demand since).</param>
/// <param name="Reason">Why this method, in words: "56 days of history: demand model v1 blended with seasonal smoothing (model weight 0.2, ...)".</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuForecast")]
public sealed record SkuForecast(
    [property: Id(0)] DateOnly FirstDay,
    [property: Id(1)] float[] Mean,
    [property: Id(2)] float[] P10,
    [property: Id(3)] float[] P50,
    [property: Id(4)] float[] P90,
    [property: Id(5)] string Method,
    [property: Id(6)] string? ModelVersion,
    [property: Id(7)] DateTimeOffset MadeAt,
    [property: Id(8)] int HistoryDays,
    [property: Id(9)] string Reason)
{
    public int Horizon => Mean.Length;
}
