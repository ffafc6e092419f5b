using EcomOrleans.Merchandising.Forecasting;

namespace EcomOrleans.Merchandising.Tests.Forecasting;

public sealed class SeasonalSmoothingFitTests
{
    private static SeasonalSmoothingFit Fit(float level, double yearMean, params float[] indices) =>
        new(new QuantileForecast([.. indices.Select(_ => level)], [.. indices.Select(_ => level - 1)], [.. indices.Select(_ => level)], [.. indices.Select(_ => level + 1)]),
            indices, level, yearMean);

    [Fact]
    public void Pulled_LevelOverItsYear_IsBroughtBackByTheLogOfTheRatio()
    {
        // Level 2 against a year of 1 a day: drift ln(1.1 / 2.1) = -0.64663, factor 1 - 0.37 x 0.64663 = 0.76075.
        var fit = Fit(2, 1, 1f, 1.5f);

        var forecast = fit.Pulled(0.37);

        Assert.Equal(-0.64663, fit.Drift, 5);
        Assert.Equal(0.76075, fit.PullFactor(0.37), 5);
        Assert.Equal([1.52151f, 2.28226f], forecast.Mean, (x, y) => Math.Abs(x - y) < 1e-4);
        Assert.Equal([0.76075f, 1.14113f], forecast.P10, (x, y) => Math.Abs(x - y) < 1e-4); // the quantiles move with the level
        Assert.Equal([2.28226f, 3.42339f], forecast.P90, (x, y) => Math.Abs(x - y) < 1e-4);
    }

    [Fact]
    public void Pulled_LevelUnderItsYear_IsRaised() => Assert.True(Fit(1, 3, 1f).Pulled(0.37).Mean[0] > 1);

    [Fact]
    public void Pulled_NoPull_IsTheSmoothingTimesEachDaysIndex() =>
        Assert.Equal([2f, 3f], Fit(2, 1, 1f, 1.5f).Pulled(0).Mean);

    [Fact]
    public void PullFactor_FarOverItsYear_IsNeverUnderZero() => Assert.Equal(0, Fit(1_000, 0, 1f).PullFactor(1));

    [Fact]
    public void FitPull_WindowsThatFollowAPullOfAHalf_FitAHalf()
    {
        // What followed each forecast is exactly the unpulled mean times 1 + 0.5 x drift.
        var windows = new (float Level, double Year)[] { (2f, 1.0), (4f, 6.0), (1f, 0.5), (3f, 3.5) }.Select(w =>
        {
            var fit = Fit(w.Level, w.Year, 1f, 0.8f, 1.2f);
            return new YearPullWindow(fit, [.. fit.DayIndices.Select(i => (float)(w.Level * i * (1 + (0.5 * fit.Drift))))], Scale: w.Level);
        }).ToArray();

        Assert.Equal(0.5, SeasonalSmoothingFit.FitPull(windows), 5);
    }

    [Fact]
    public void FitPull_IsKeptWithinZeroAndOne()
    {
        YearPullWindow Following(double pull)
        {
            var fit = Fit(2, 1, 1f);
            return new YearPullWindow(fit, [(float)(2 * (1 + (pull * fit.Drift)))], Scale: 1);
        }

        Assert.Equal((1.0, 0.0), (SeasonalSmoothingFit.FitPull([Following(3)]), SeasonalSmoothingFit.FitPull([Following(-2)])));
    }

    [Fact]
    public void FitPull_NoWindowWithAScaleOrADrift_IsZero()
    {
        var flat = Fit(2, 2, 1f);
        Assert.Equal(0, SeasonalSmoothingFit.FitPull([]));
        Assert.Equal(0, SeasonalSmoothingFit.FitPull([new YearPullWindow(flat, [5f], Scale: 1)])); // no drift: nothing to fit on
        Assert.Equal(0, SeasonalSmoothingFit.FitPull([new YearPullWindow(Fit(2, 1, 1f), [1f], Scale: 0)])); // a history that never changed
    }
}
