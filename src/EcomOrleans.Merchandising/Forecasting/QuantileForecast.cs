namespace EcomOrleans.Merchandising.Forecasting;

/// <summary>Daily unit forecasts for consecutive days, day 0 first: the expected units and three quantiles.</summary>
/// <param name="Mean">Expected units per day.</param>
/// <param name="P10">Units per day that demand stays at or under with 10 % probability.</param>
/// <param name="P50">Median units per day.</param>
/// <param name="P90">Units per day that demand stays at or under with 90 % probability.</param>
public sealed record QuantileForecast(float[] Mean, float[] P10, float[] P50, float[] P90)
{
    public int Horizon => Mean.Length;

    /// <summary>The same forecast cut to its first <paramref name="days"/> days.</summary>
    public QuantileForecast Take(int days) => new(Mean[..days], P10[..days], P50[..days], P90[..days]);
}
