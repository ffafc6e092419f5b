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
    public void SeasonalIndices_BusySaturdays_AreRaisedAndShrunkTowardOne()
    {
        // 56 days from Sunday 2026-01-04: 1 unit a day, 8 on Saturdays. 112 units, 2 a day.
        // Each weekday has 8 days, so n = 2 * 8 = 16 units expected: Saturdays' ratio 8 / 2 = 4, the others' 1 / 2.
        // Month start (Jan 4-10 and Feb 1-10, 17 days, two of them Saturdays): 31 units against n = 34 expected.
        // The other 39 days (six Saturdays): 81 units against n = 78.
        var first = new DateOnly(2026, 1, 4);
        var history = Enumerable.Range(0, 56).Select(t => first.AddDays(t).DayOfWeek == DayOfWeek.Saturday ? 8f : 1f).ToArray();

        var indices = SeasonalIndices.Measure(history, first);

        Assert.Equal(1 + (3 * 16 / 36.0), indices.Weekday[(int)DayOfWeek.Saturday], 5);
        Assert.Equal(1 - (0.5 * 16 / 36.0), indices.Weekday[(int)DayOfWeek.Monday], 5);
        Assert.Equal(1 + (((31 / 34.0) - 1) * 34 / 54.0), indices.MonthStart, 5);
        Assert.Equal(1 + (((81 / 78.0) - 1) * 78 / 98.0), indices.RestOfMonth, 5);
        Assert.Equal(indices.Weekday[(int)DayOfWeek.Saturday] * indices.MonthStart, indices.Of(new DateOnly(2026, 3, 7)), 5);
    }

    [Fact]
    public void SeasonalIndices_AWeekdayThatNeverSells_IsPulledTowardZero()
    {
        // A year of 2 units a day except Sundays, which sell nothing: 52 Sundays expected 52 * 12 / 7 units and sold 0.
        var first = new DateOnly(2025, 1, 5); // a Sunday
        var history = Enumerable.Range(0, 364).Select(t => first.AddDays(t).DayOfWeek == DayOfWeek.Sunday ? 0f : 2f).ToArray();

        var indices = SeasonalIndices.Measure(history, first);

        var expected = 12 / 7.0 * 52;
        Assert.Equal(1 - (expected / (expected + 20)), indices.Weekday[(int)DayOfWeek.Sunday], 4);
        Assert.True(indices.Weekday[(int)DayOfWeek.Sunday] < 0.25f, "a Sunday is forecast at under a quarter of the level");
    }

    [Fact]
    public void SeasonalIndices_OnlyTheLastTwoYears_AreRead()
    {
        // Busy Saturdays long ago, then two years of one unit every day: the indices see only the flat two years.
        var first = new DateOnly(2020, 1, 5);
        var history = Enumerable.Range(0, DemandBaselines.HistoryDays + 70)
            .Select(t => t < 70 && first.AddDays(t).DayOfWeek == DayOfWeek.Saturday ? 50f : 1f).ToArray();

        var indices = SeasonalIndices.Measure(history, first);

        Assert.All(indices.Weekday, w => Assert.Equal(1f, w, 5));
        Assert.Equal(1f, indices.MonthStart, 5);
        Assert.Equal(1f, indices.RestOfMonth, 5);
    }

    [Fact]
    public void SeasonalSmoothing_FlatLevel_IsMultipliedByEachForecastDaysIndex()
    {
        // Twenty weeks of 2 units every weekday and 6 on Saturdays: the adjusted level is flat, so each day's forecast
        // is one level times that day's indices.
        var first = new DateOnly(2026, 1, 4);
        var history = Enumerable.Range(0, 140).Select(t => first.AddDays(t).DayOfWeek == DayOfWeek.Saturday ? 6f : 2f).ToArray();
        var indices = SeasonalIndices.Measure(history, first);

        var forecast = DemandBaselines.SeasonalSmoothing(history, first, 14);

        var start = first.AddDays(history.Length);
        var level = forecast.Mean[0] / indices.Of(start);
        for (var h = 0; h < 14; h++)
        {
            Assert.Equal(level * indices.Of(start.AddDays(h)), forecast.Mean[h], 4);
        }

        var saturday = Enumerable.Range(0, 14).First(h => start.AddDays(h).DayOfWeek == DayOfWeek.Saturday);
        Assert.True(forecast.Mean[saturday] > 2 * forecast.Mean[(saturday + 2) % 14], "a Saturday is forecast well above a Monday");
    }

    [Fact]
    public void SeasonalSmoothing_AfterASpike_IsPulledTowardTheYear()
    {
        // A year of 2 units a day, then a week of 12: the smoothed level sits far above the year and is brought back
        // by the served pull, by exactly the factor of the fit it was made from.
        var first = new DateOnly(2026, 1, 1);
        var history = Enumerable.Range(0, 371).Select(t => t < 364 ? 2f : 12f).ToArray();
        var fit = DemandBaselines.FitSeasonalSmoothing(history, first, 14);

        var pulled = DemandBaselines.SeasonalSmoothing(history, first, 14);
        var unpulled = DemandBaselines.SeasonalSmoothing(history, first, 14, yearPull: 0);

        Assert.True(fit.Level > 2 * fit.YearMean, $"level {fit.Level} against a year of {fit.YearMean}");
        Assert.All(Enumerable.Range(0, 14), h => Assert.Equal(unpulled.Mean[h] * fit.PullFactor(DemandBaselines.YearPull), pulled.Mean[h], 3));
        Assert.True(pulled.Mean[0] < 0.8 * unpulled.Mean[0], $"pulled {pulled.Mean[0]} against {unpulled.Mean[0]}");
    }

    [Fact]
    public void SeasonalSmoothing_NoSales_IsZero() =>
        Assert.All(DemandBaselines.SeasonalSmoothing(new float[28], new DateOnly(2026, 1, 1), 14).P90, p => Assert.Equal(0f, p));

    [Fact]
    public void SeasonalSmoothing_UnderTwoWeeks_ThrowsNamingTheMinimum()
    {
        var error = Assert.Throws<ArgumentException>(() => DemandBaselines.SeasonalSmoothing(new float[13], new DateOnly(2026, 1, 1), 14));
        Assert.StartsWith("Seasonal smoothing needs at least 14 days of history; got 13.", error.Message);
    }
}
