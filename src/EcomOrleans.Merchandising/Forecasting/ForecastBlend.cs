namespace EcomOrleans.Merchandising.Forecasting;

/// <summary>
/// The forecaster the SKU grain serves: the model's forecast and seasonal smoothing's (<see cref="DemandBaselines.SeasonalSmoothing"/>), averaged with weight
/// <paramref name="ModelWeight"/> on the model (means and each quantile alike: quantile averaging), and the quantiles'
/// spread around the median scaled by <paramref name="QuantileScale"/>. Both numbers are chosen by the rolling-origin
/// backtest on windows before the ones they are scored on (docs/demand.md).
/// </summary>
/// <param name="ModelWeight">0 (smoothing only) to 1 (model only).</param>
/// <param name="QuantileScale">p10 and p90 are moved to p50 ± scale × their distance from it; 1 leaves them.</param>
public sealed record ForecastBlend(double ModelWeight, double QuantileScale)
{
    /// <summary>The model alone, its quantiles as it gives them.</summary>
    public static ForecastBlend ModelOnly { get; } = new(1, 1);

    public QuantileForecast Combine(QuantileForecast model, QuantileForecast smoothing)
    {
        var horizon = Math.Min(model.Horizon, smoothing.Horizon);
        var w = (float)ModelWeight;
        float Mix(float a, float b) => (w * a) + ((1 - w) * b);
        var (mean, p10, p50, p90) = (new float[horizon], new float[horizon], new float[horizon], new float[horizon]);
        for (var d = 0; d < horizon; d++)
        {
            mean[d] = Mix(model.Mean[d], smoothing.Mean[d]);
            p50[d] = Mix(model.P50[d], smoothing.P50[d]);
            p10[d] = Math.Max(0, p50[d] - ((float)QuantileScale * (p50[d] - Mix(model.P10[d], smoothing.P10[d]))));
            p90[d] = Math.Max(p50[d], p50[d] + ((float)QuantileScale * (Mix(model.P90[d], smoothing.P90[d]) - p50[d])));
            p10[d] = Math.Min(p10[d], p50[d]);
        }

        return new QuantileForecast(mean, p10, p50, p90);
    }
}
