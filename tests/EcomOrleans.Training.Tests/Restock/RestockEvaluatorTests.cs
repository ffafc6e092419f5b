using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Models.Demand;
using EcomOrleans.Training.Restock;

namespace EcomOrleans.Training.Tests.Restock;

public sealed class RestockEvaluatorTests
{
    [Fact]
    public void Evaluate_SteadyDemand_PolicyServesAllWithLessStockThanTheFixedRule()
    {
        // 84 days of 5 units; the last 28 (days 56..83) are replayed with lead time 7 and review 7, from 28 * 5 = 140 on hand.
        // Exponential smoothing forecasts 5 a day with no error spread, so the policy's S is 14 * 5 = 70 at any service level.
        // Reviews close days 56, 63, 70, 77 with 135, 100, 65, 30 on hand.
        // Policy: day 70 orders 70 - 65 = 5 (lands day 78), day 77 orders 70 - 35 = 35 (lands after the end). Closing stock:
        // 135, 130, ..., 30 on days 56..77 (sum 22 * 135 - 5 * 231 = 1815), then 30, 25, 20, 15, 10, 5 (105): 1920 / 28 = 68.5714.
        // Fixed: reorders at 14 * 5 = 70, so day 70 orders 28 * 5 = 140 (lands day 78), day 77's position 170 orders nothing.
        // Closing stock: 1815, then 165, 160, ..., 140 (915): 2730 / 28 = 97.5. Neither loses a sale.
        var series = new DemandSeries("steady", new DateOnly(2016, 1, 1), Enumerable.Repeat(5f, 84).ToArray(), [], []);
        var backtest = new RestockBacktest([series], 28, 7, 7, DemandBaselines.ExponentialSmoothing);

        var evaluation = RestockEvaluator.Evaluate(backtest);

        Assert.Equal([56], backtest.StartDays);
        Assert.Equal((1.0, 0, 97.5, 1), (evaluation.Fixed.Total.FillRate, evaluation.Fixed.Total.StockOutDays, evaluation.Fixed.Total.MeanOnHand, evaluation.Fixed.Total.OrdersPlaced));
        Assert.Equal((1.0, 0, 2), (evaluation.Default.Total.FillRate, evaluation.Default.Total.StockOutDays, evaluation.Default.Total.OrdersPlaced));
        Assert.Equal(1920.0 / 28, evaluation.Default.Total.MeanOnHand, 9);
        // Every service level fills 100 %, so the lowest searched matches: 68.5714 / 97.5 = 0.70330, 29.7 % less stock.
        Assert.Equal(0.5, evaluation.Matched.ServiceLevel);
        Assert.Equal(0.70330, evaluation.MatchedInventoryRatio, 5);
        Assert.True(evaluation.SameFillWithLessInventory);
        Assert.True(evaluation.GoalMet);
    }

    [Fact]
    public void SeasonalSmoothing_ReadsTheLastTwoYearsOnTheSeriesOwnDates()
    {
        // 800 days from a Friday, busy on Saturdays after a first 72 days of 50 a day: at day 800 the forecaster reads days
        // 72..799 only, the first of them dated Start + 72, exactly as a SKU grain's baseline does.
        var start = new DateOnly(2014, 1, 3);
        float[] units = [.. Enumerable.Range(0, 800).Select(t => t < 72 ? 50f : start.AddDays(t).DayOfWeek == DayOfWeek.Saturday ? 7f : 1f)];
        var series = new DemandSeries("weekly", start, units, [], []);

        var forecast = RestockBacktest.SeasonalSmoothing(series)(units, 14);

        var expected = DemandBaselines.SeasonalSmoothing(units.AsSpan(72), start.AddDays(72), 14);
        Assert.Equal(expected.Mean, forecast.Mean);
        Assert.Equal(expected.P90, forecast.P90);
        Assert.NotEqual(DemandBaselines.SeasonalSmoothing(units, start, 14).Mean, forecast.Mean); // the first 72 days would move it
    }
}
