using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Inference;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Tests.Skus;

public sealed class SkuForecastingTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);

    private static DemandCountsState Day(int daysAgo, long units, decimal revenue = 0, long views = 0) =>
        new() { Start = new DateTimeOffset(Today.AddDays(-daysAgo).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Units = units, Revenue = revenue, Views = views };

    [Fact]
    public void History_DaysWithAndWithoutSales_FillsZerosAndTheCatalogPriceAndLeavesTodayOut()
    {
        var demand = new SkuDemandState { Daily = [Day(3, 2, revenue: 20m), Day(1, 0, views: 4), Day(0, 9, revenue: 90m)] };

        var history = SkuForecasting.History("s", demand, 12.5m, Today);

        Assert.Equal(Today.AddDays(-3), history.FirstDay);
        Assert.Equal([2f, 0f, 0f], history.Units); // 3, 2 and 1 days ago; today is still open
        Assert.Equal([10f, 12.5f, 12.5f], history.Prices); // 20 / 2 paid, then the catalog price
    }

    [Fact]
    public void History_OlderThanTheBuckets_ReadsTheUnitHistoryAtTheCatalogPrice()
    {
        // 200 days of units (older than the 120 days of buckets) and one bucket 2 days ago with 3 units paid 24.
        var demand = new SkuDemandState
        {
            UnitHistory = [5, .. new int[196], 3, 0],
            UnitHistoryStart = Today.AddDays(-199),
            Daily = [Day(2, 3, revenue: 24m)],
        };

        var history = SkuForecasting.History("s", demand, 10m, Today);

        Assert.Equal((Today.AddDays(-199), 199), (history.FirstDay, history.Units.Length));
        Assert.Equal((5f, 3f, 0f), (history.Units[0], history.Units[197], history.Units[198]));
        Assert.Equal((10f, 8f, 10f), (history.Prices[0], history.Prices[197], history.Prices[198]));
    }

    [Fact]
    public void History_NothingBeforeToday_IsEmpty() =>
        Assert.Empty(SkuForecasting.History("s", new SkuDemandState { Daily = [Day(0, 3)] }, 1m, Today).Units);

    [Theory]
    [InlineData(3, ForecastMethods.None, "3 of the 56 days of history the demand model reads; 3 days is under the week seasonal naive needs: no forecast yet")]
    [InlineData(10, ForecastMethods.SeasonalNaive, "10 of the 56 days of history the demand model reads; 10 days is too little for seasonal smoothing (14): seasonal naive, the last week repeated")]
    [InlineData(20, ForecastMethods.SeasonalSmoothing, "20 of the 56 days of history the demand model reads: seasonal smoothing of 20 days")]
    public void Baseline_ShortHistory_FallsBackInOrderAndSaysWhy(int days, string method, string reason)
    {
        var history = new DemandHistory("s", Today.AddDays(-days), [.. Enumerable.Repeat(3f, days)], [.. Enumerable.Repeat(1f, days)]);

        var forecast = SkuForecasting.Baseline(history, Now, 14, $"{days} of the 56 days of history the demand model reads");

        Assert.Equal((method, reason, Today, days), (forecast.Method, forecast.Reason, forecast.FirstDay, forecast.HistoryDays));
        Assert.Equal(method == ForecastMethods.None ? 0f : 3f, forecast.Mean[13]); // a flat 3 a day, whichever baseline
    }

    [Fact]
    public void Baseline_LongHistory_IsSeasonalSmoothingOfItsLastTwoYearsOnTheirOwnDates()
    {
        // 735 days, 6 units on Saturdays and 1 otherwise: the baseline reads the last 728, dated 7 days after the first.
        var first = Today.AddDays(-735);
        float[] units = [.. Enumerable.Range(0, 735).Select(t => first.AddDays(t).DayOfWeek == DayOfWeek.Saturday ? 6f : 1f)];
        var history = new DemandHistory("s", first, units, [.. Enumerable.Repeat(1f, 735)]);

        var forecast = SkuForecasting.Baseline(history, Now, 14, "why");

        var expected = DemandBaselines.SeasonalSmoothing(units.AsSpan(7), first.AddDays(7), 14);
        Assert.Equal([.. expected.Mean.Select(m => MathF.Round(m, 3))], forecast.Mean);
        var saturday = Enumerable.Range(0, 14).First(h => Today.AddDays(h).DayOfWeek == DayOfWeek.Saturday);
        Assert.True(forecast.Mean[saturday] > 3 * forecast.Mean[(saturday + 2) % 14], "a Saturday is forecast well above a Monday");
        Assert.Equal((ForecastMethods.SeasonalSmoothing, 735), (forecast.Method, forecast.HistoryDays));
    }

    [Fact]
    public void ForTheModel_LongHistory_SendsItsLast120DaysFromTheirFirstDay()
    {
        var first = Today.AddDays(-300);
        var history = new DemandHistory("s", first, [.. Enumerable.Range(0, 300).Select(t => (float)t)], [.. Enumerable.Range(0, 300).Select(t => t + 0.5f)]);

        var sent = SkuForecasting.ForTheModel(history);

        Assert.Equal((first.AddDays(180), 120, 120), (sent.FirstDay, sent.Units.Length, sent.Prices.Length));
        Assert.Equal((180f, 299f, 180.5f), (sent.Units[0], sent.Units[^1], sent.Prices[0]));
        Assert.Same(sent, SkuForecasting.ForTheModel(sent));
    }

    [Fact]
    public void Blend_ModelAndSmoothing_AreWeightedAsTheModelSays()
    {
        // Smoothing of a flat 2 a day is 2; the model says 6; weight 0.25 on the model: 0.25 * 6 + 0.75 * 2 = 3.
        var history = new DemandHistory("s", Today.AddDays(-60), [.. Enumerable.Repeat(2f, 60)], [.. Enumerable.Repeat(1f, 60)]);
        var six = Enumerable.Repeat(6f, 14).ToArray();
        var model = new DemandForecast("s", Today, six, six, "7", six, six, 0.25, 1);

        var forecast = SkuForecasting.Blend(model, history, Now);

        Assert.All(forecast.Mean, m => Assert.Equal(3f, m));
        Assert.Equal((ForecastMethods.Blend, "7"), (forecast.Method, forecast.ModelVersion));
        Assert.Equal("60 days of history: demand model v7 blended with seasonal smoothing (model weight 0.25, quantile spread 1, chosen by the backtest)", forecast.Reason);
    }

    [Theory]
    [InlineData(0, false)] // made an hour ago, today
    [InlineData(7, true)] // older than the 6-hour interval
    public void IsDue_ByAge_RemakesAfterTheInterval(int hoursAgo, bool due)
    {
        var made = Now.AddHours(-1 - hoursAgo);
        var forecast = new SkuForecast(Today, [], [], [], [], ForecastMethods.None, null, made, 0, "");

        Assert.Equal(due, SkuForecasting.IsDue(forecast, Now, new ForecastOptions()));
    }

    [Fact]
    public void IsDue_MadeYesterday_IsDueEvenWithinTheInterval()
    {
        var justBeforeMidnight = new DateTimeOffset(2026, 11, 19, 23, 59, 0, TimeSpan.Zero);
        var forecast = new SkuForecast(Today.AddDays(-1), [], [], [], [], ForecastMethods.None, null, justBeforeMidnight, 0, "");

        Assert.True(SkuForecasting.IsDue(forecast, new DateTimeOffset(2026, 11, 20, 0, 1, 0, TimeSpan.Zero), new ForecastOptions()));
        Assert.True(SkuForecasting.IsDue(null, Now, new ForecastOptions()));
    }

    [Fact]
    public void ScoreClosedDays_TwoDaysClosed_ScoresEachOnceAgainstTheForecastInForce()
    {
        // Forecast made 2 days ago for 14 days from then: mean 4, p10 1, p90 6. Actual: 3 two days ago, 8 yesterday.
        var plan = new SkuPlanState
        {
            Forecast = new SkuForecast(Today.AddDays(-2), Fill(4), Fill(1), Fill(4), Fill(6), ForecastMethods.Blend, "1", Now.AddDays(-2), 60, ""),
        };
        var demand = new SkuDemandState { Daily = [Day(2, 3), Day(1, 8), Day(0, 5)] };

        var scored = SkuForecasting.ScoreClosedDays(plan, demand, Today, keep: 56);
        var again = SkuForecasting.ScoreClosedDays(plan, demand, Today, keep: 56);

        Assert.Equal((2, 0), (scored, again));
        Assert.Equal([3f, 8f], plan.Recent.Select(d => d.Actual));
        // |3 - 4| + |8 - 4| = 5 over 2 days: MAE 2.5; bias ((4 - 3) + (4 - 8)) / 2 = -1.5; WAPE 5 / 11; p90 6 covers 3, not 8.
        Assert.Equal(new ForecastAccuracy(2, 2.5, -1.5, Math.Round(5 / 11.0, 4), 0.5), plan.Errors.ToAccuracy());
        Assert.Equal(Today.AddDays(-1), plan.ScoredThrough);
    }

    [Fact]
    public void ScoreClosedDays_BeyondKeep_DropsTheOldest()
    {
        var plan = new SkuPlanState { Forecast = new SkuForecast(Today.AddDays(-5), Fill(1), Fill(1), Fill(1), Fill(1), ForecastMethods.Blend, "1", Now, 60, "") };

        SkuForecasting.ScoreClosedDays(plan, new SkuDemandState(), Today, keep: 2);

        Assert.Equal([Today.AddDays(-2), Today.AddDays(-1)], plan.Recent.Select(d => d.Date));
        Assert.Equal(5, plan.Errors.Days); // every day still counts toward the accuracy
    }

    private static float[] Fill(float value) => [.. Enumerable.Repeat(value, 14)];
}
