using EcomOrleans.Merchandising.Forecasting;

namespace EcomOrleans.Merchandising.Tests.Forecasting;

public sealed class DemandBaselinesTests
{
    [Fact]
    public void SeasonalNaive_TwoWeekHorizon_RepeatsTheLastWeek()
    {
        float[] history = [9, 9, 1, 2, 3, 4, 5, 6, 7];

        var forecast = DemandBaselines.SeasonalNaive(history, 9);

        Assert.Equal([1f, 2, 3, 4, 5, 6, 7, 1, 2], forecast.Mean);
    }

    [Fact]
    public void SeasonalNaive_Quantiles_AreThePointPlusTheWeeklyChangesQuantilesWidenedBySqrtWeeks()
    {
        // Weekly changes exist from day 7 on: h[7] - h[0] = 6 - 9 = -3, h[8] - h[1] = 7 - 9 = -2.
        // Sorted [-3, -2]: p10 = -3 + 0.1 * 1 = -2.9, p50 = -2.5, p90 = -2.1.
        float[] history = [9, 9, 1, 2, 3, 4, 5, 6, 7];

        var forecast = DemandBaselines.SeasonalNaive(history, 8);

        Assert.Equal(0f, forecast.P10[0]); // 1 - 2.9 clamps at 0
        Assert.Equal(7f - 2.1f, forecast.P90[6], 5);
        Assert.Equal(Math.Max(0, 1f - (2.1f * MathF.Sqrt(2))), forecast.P90[7], 5); // week 2: spread sqrt(2)
    }

    [Fact]
    public void SeasonalNaive_UnderAWeek_ThrowsNamingTheMinimum()
    {
        var error = Assert.Throws<ArgumentException>(() => DemandBaselines.SeasonalNaive([1f, 2f, 3f], 14));
        Assert.StartsWith("Seasonal naive needs at least 7 days of history; got 3.", error.Message);
    }

    [Fact]
    public void ExponentialSmoothing_StepChange_EndsNearTheNewLevel()
    {
        // A step from 0 to 10 is best followed closely (alpha near 0.99): the final level is about 10.
        var history = Enumerable.Repeat(0f, 20).Concat(Enumerable.Repeat(10f, 20)).ToArray();

        var forecast = DemandBaselines.ExponentialSmoothing(history, 3);

        Assert.All(forecast.Mean, f => Assert.InRange(f, 9.99f, 10.0001f));
    }

    [Fact]
    public void ExponentialSmoothing_NoisyLevel_P90CoversAboutNineInTenOfTheSameProcess()
    {
        // Demand of 10 +- uniform noise of 5: the quantiles read from its own errors should cover 90 % of fresh days.
        var random = new Random(7);
        var history = Enumerable.Range(0, 364).Select(_ => 10f + ((float)random.NextDouble() * 10) - 5).ToArray();
        var future = Enumerable.Range(0, 2000).Select(_ => 10f + ((float)random.NextDouble() * 10) - 5).ToArray();

        var forecast = DemandBaselines.ExponentialSmoothing(history, 1);
        var covered = future.Count(f => f <= forecast.P90[0]) / (double)future.Length;

        Assert.InRange(covered, 0.85, 0.95);
        Assert.True(forecast.P10[0] < forecast.P50[0] && forecast.P50[0] < forecast.P90[0], "the quantiles are ordered and apart");
    }

    [Fact]
    public void ExponentialSmoothing_OneDay_ThrowsNamingTheMinimum()
    {
        var error = Assert.Throws<ArgumentException>(() => DemandBaselines.ExponentialSmoothing([4f], 14));
        Assert.StartsWith("Exponential smoothing needs at least 2 days of history; got 1.", error.Message);
    }

    [Fact]
    public void Empirical_InterpolatesBetweenRanks() => Assert.Equal(2.5f, DemandBaselines.Empirical([1f, 2f, 3f, 4f], 0.5));

    [Fact]
    public void WeekdayIndex_BusySaturdays_AreRaisedAndShrunkTowardOne()
    {
        // Eight weeks of 1 unit a day except 8 on day position 6: total 8 * (6 + 8) = 112, mean per day 2.
        // Raw indices: 1 / 2 = 0.5 and 8 / 2 = 4. Shrink 112 / (112 + 20) = 0.8485: 1 - 0.5 * 0.8485 and 1 + 3 * 0.8485.
        var history = Enumerable.Range(0, 56).Select(t => t % 7 == 6 ? 8f : 1f).ToArray();

        var index = DemandBaselines.WeekdayIndex(history);

        Assert.Equal(1 - (0.5 * 112 / 132.0), index[0], 5);
        Assert.Equal(1 + (3 * 112 / 132.0), index[6], 5);
    }

    [Fact]
    public void WeekdaySmoothing_NoSales_IsZero() => Assert.All(DemandBaselines.WeekdaySmoothing(new float[28], 14).P90, p => Assert.Equal(0f, p));
}
