using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Models.Demand;

namespace EcomOrleans.Training.Demand;

/// <summary>
/// Scores forecasts on the last <see cref="TestDays"/> days of each series as consecutive
/// 14-day forecasts from rolling origins (days T-28 and T-14), each seeing the actual history up
/// to its origin; the baselines forecast from the same origins. RMSSE's scale comes from the
/// history before the test days.
/// </summary>
internal static class DemandEvaluator
{
    public const int TestDays = 28;

    public static DemandEvaluation Evaluate(IReadOnlyList<DemandSeries> series, IDemandForecaster forecaster, int testDays = TestDays, int skipLastDays = 0)
    {
        var rows = new List<SeriesScore>();
        foreach (var s in series)
        {
            var end = s.Length - skipLastDays;
            var testStart = end - testDays;
            if (testStart < DemandModelShape.Window || testStart < 2)
            {
                continue;
            }

            var actual = s.Units.AsSpan(testStart, testDays);
            var mean = new float[testDays];
            var p50 = new float[testDays];
            var p90 = new float[testDays];
            var seasonal = new float[testDays];
            var smoothing = new float[testDays];
            for (var offset = 0; offset < testDays; offset += DemandModelShape.Horizon)
            {
                var origin = testStart + offset;
                var take = Math.Min(DemandModelShape.Horizon, testDays - offset);
                var forecast = forecaster.Forecast(s, origin);
                forecast.Mean.AsSpan(0, take).CopyTo(mean.AsSpan(offset));
                forecast.P50.AsSpan(0, take).CopyTo(p50.AsSpan(offset));
                forecast.P90.AsSpan(0, take).CopyTo(p90.AsSpan(offset));
                var history = s.Units.AsSpan(0, origin);
                DemandBaselines.SeasonalNaive(history, DemandModelShape.Horizon).Mean.AsSpan(0, take).CopyTo(seasonal.AsSpan(offset));
                DemandBaselines.ExponentialSmoothing(history, DemandModelShape.Horizon).Mean.AsSpan(0, take).CopyTo(smoothing.AsSpan(offset));
            }

            var inSample = s.Units.AsSpan(0, testStart);
            var covered = 0;
            for (var d = 0; d < testDays; d++)
            {
                covered += actual[d] <= p90[d] ? 1 : 0;
            }

            var score = new SeriesScore(s.Id, ForecastScores.Rmsse(actual, mean, inSample), ForecastScores.Rmsse(actual, p50, inSample),
                ForecastScores.Rmsse(actual, seasonal, inSample), ForecastScores.Rmsse(actual, smoothing, inSample), (double)covered / testDays);
            if (!double.IsNaN(score.Rmsse))
            {
                rows.Add(score);
            }
        }

        return new DemandEvaluation(rows);
    }
}
