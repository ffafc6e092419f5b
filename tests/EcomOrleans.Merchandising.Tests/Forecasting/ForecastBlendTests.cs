using EcomOrleans.Merchandising.Forecasting;

namespace EcomOrleans.Merchandising.Tests.Forecasting;

public sealed class ForecastBlendTests
{
    [Fact]
    public void Combine_WeightAndScale_AverageThenSpreadAroundTheMedian()
    {
        var model = new QuantileForecast([10f], [6f], [9f], [14f]);
        var smoothing = new QuantileForecast([4f], [2f], [3f], [6f]);

        var blended = new ForecastBlend(0.25, 2).Combine(model, smoothing);

        // Mean 0.25 * 10 + 0.75 * 4 = 5.5; p50 0.25 * 9 + 0.75 * 3 = 4.5.
        // p10 mixed 0.25 * 6 + 0.75 * 2 = 3 -> 4.5 - 2 * 1.5 = 1.5; p90 mixed 0.25 * 14 + 0.75 * 6 = 8 -> 4.5 + 2 * 3.5 = 11.5.
        Assert.Equal([5.5f], blended.Mean);
        Assert.Equal([1.5f], blended.P10);
        Assert.Equal([4.5f], blended.P50);
        Assert.Equal([11.5f], blended.P90);
    }

    [Fact]
    public void Combine_WideSpread_NeverGoesBelowZero()
    {
        var blended = new ForecastBlend(1, 3).Combine(new QuantileForecast([1f], [0.5f], [1f], [2f]), new QuantileForecast([1f], [1f], [1f], [1f]));

        Assert.Equal([0f], blended.P10);
    }
}
