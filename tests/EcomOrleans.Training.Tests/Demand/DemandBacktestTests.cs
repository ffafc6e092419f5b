using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Models.Demand;
using EcomOrleans.Training.Demand;

namespace EcomOrleans.Training.Tests.Demand;

public sealed class DemandBacktestTests
{
    /// <summary>A model that knows the future: the backtest must learn to trust it, but only from windows already past.</summary>
    private sealed class Oracle : IDemandForecaster
    {
        public QuantileForecast Forecast(DemandSeries series, int origin)
        {
            var future = series.Units[origin..(origin + 14)];
            return new QuantileForecast(future, future, future, future);
        }
    }

    [Fact]
    public void Run_PerfectModel_IsTrustedFromTheFirstOriginAfterTheWarmup()
    {
        var random = new Random(3);
        var units = Enumerable.Range(0, 300).Select(_ => (float)random.Next(0, 10)).ToArray();
        var series = new DemandSeries("S", new DateOnly(2020, 1, 1), units, new float[300], []);

        var result = DemandBacktest.Run([series], new Oracle(), days: 98, every: 14);

        var scored = result.Windows.Where(w => w.Scored).OrderBy(w => w.Origin).ToArray();
        Assert.Equal(7, scored.Length); // 98 days / 14
        // The warm-up windows before the first scored origin already show the model is exact.
        Assert.All(scored, w => Assert.Equal(1.0, result.Chosen[w].ModelWeight));
        Assert.Equal(0.0, result.Methods.Single(m => m.Name == "served blend").Rmsse, 6);
        Assert.True(result.Methods.Single(m => m.Name == "exp. smoothing").Rmsse > 0.5, "the baseline is scored on the same windows and is not exact");
    }

    [Fact]
    public void Run_YearPull_AtEachOriginReadsOnlyDaysBeforeIt()
    {
        // Two series alike up to day 230 and apart after it: every origin whose pull could only have seen days before
        // 230 gets the same pull in both, and the later ones differ (the pull does read what happened).
        var random = new Random(5);
        var common = Enumerable.Range(0, 300).Select(t => (float)random.Next(0, 6) + (t % 50 < 5 ? 12 : 0)).ToArray();
        var changed = common.Select((u, t) => t < 230 ? u : 3 * u).ToArray();
        DemandSeries Series(float[] units) => new("S", new DateOnly(2020, 1, 1), units, new float[300], []);

        var a = DemandBacktest.Run([Series(common)], new Oracle(), days: 98, every: 14);
        var b = DemandBacktest.Run([Series(changed)], new Oracle(), days: 98, every: 14);

        var pulls = a.Windows.Zip(b.Windows, (x, y) => (x.Origin, A: x.YearPull, B: y.YearPull)).ToArray();
        Assert.All(pulls.Where(p => p.Origin <= 230), p => Assert.Equal(p.A, p.B));
        Assert.Contains(pulls, p => p.Origin > 230 + 14 && p.A != p.B);
        Assert.All(pulls, p => Assert.InRange(p.A, 0, 1));
    }

    [Fact]
    public void Choose_NoEarlierWindows_StartsHalfAndHalf() => Assert.Equal(new ForecastBlend(0.5, 1), DemandBacktest.Choose([]));
}
