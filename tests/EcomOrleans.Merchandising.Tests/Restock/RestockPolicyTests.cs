using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Merchandising.Restock;

namespace EcomOrleans.Merchandising.Tests.Restock;

/// <summary>
/// Most cases use 14 days of mean 10 and σ 2 a day, lead time 7 and review period 7 at 95 % service, so:
/// lead time: μ_L = 7 · 10 = 70, σ_L = 2 · √7 = 5.29150; protection interval: μ = 14 · 10 = 140, σ = 2 · √14 = 7.48331;
/// z(0.95) = 1.64485; safety stock = 1.64485 · 7.48331 = 12.30896; reorder point = 70 + 1.64485 · 5.29150 = 78.7037;
/// order-up-to S = 140 + 12.30896 = 152.30896.
/// </summary>
public sealed class RestockPolicyTests
{
    private static readonly RestockSettings Weekly = new() { LeadTimeDays = 7 };

    [Fact]
    public void DailySigma_P10AndP90_IsTheirSpreadOverTwoZ90()
    {
        // (16.815516 - 4) / (2 * 1.2815516) = 12.815516 / 2.5631031 = 5.0000
        Assert.Equal(5.0, RestockPolicy.DailySigma(4f, 16.815516f), 5);
    }

    [Fact]
    public void Decide_FlatForecast_SumsMeansAndVariancesOverLeadTimeAndProtection()
    {
        var decision = Decide(75, 0, Flat(14, 10, 2));

        Assert.Equal(7, decision.LeadTimeDemand.Days);
        Assert.Equal(70.0, decision.LeadTimeDemand.Mean, 4);
        Assert.Equal(5.29150, decision.LeadTimeDemand.StandardDeviation, 4); // 2 * sqrt(7)
        Assert.Equal(14, decision.ProtectionDemand.Days);
        Assert.Equal(140.0, decision.ProtectionDemand.Mean, 4);
        Assert.Equal(7.48331, decision.ProtectionDemand.StandardDeviation, 4); // 2 * sqrt(14)
    }

    [Fact]
    public void Decide_OrderUpTo_SafetyStockIsZTimesProtectionSigma()
    {
        var decision = Decide(75, 0, Flat(14, 10, 2));

        Assert.Equal(0.95, decision.ServiceLevel);
        Assert.Null(decision.CriticalRatio);
        Assert.Equal(12.30896, decision.SafetyStock, 4); // 1.64485 * 7.48331
    }

    [Fact]
    public void Decide_OrderUpTo_ReorderPointAndOrderUpToLevelAddZSigmaToTheirDemand()
    {
        var decision = Decide(75, 0, Flat(14, 10, 2));

        Assert.Equal(78.7037, decision.ReorderPoint, 4); // 70 + 1.64485 * 5.29150
        Assert.Equal(152.30896, decision.OrderUpToLevel, 4); // 140 + 12.30896
    }

    [Fact]
    public void Decide_PositionUnderOrderUpTo_OrdersTheShortfallRoundedUp()
    {
        // Position 60 + 15 = 75; 152.30896 - 75 = 77.30896, rounded up to 78.
        var decision = Decide(60, 15, Flat(14, 10, 2));

        Assert.Equal(78, decision.OrderQuantity);
    }

    [Fact]
    public void Decide_PositionAtOrAboveOrderUpTo_OrdersNothing()
    {
        var decision = Decide(100, 53, Flat(14, 10, 2)); // position 153 > 152.30896

        Assert.Equal(0, decision.OrderQuantity);
    }

    [Fact]
    public void Decide_LowerServiceLevel_LowersEveryLevel()
    {
        // z(0.80) = 0.84162: S = 140 + 0.84162 * 7.48331 = 146.29811; reorder point = 70 + 0.84162 * 5.29150 = 74.45344.
        var decision = RestockPolicy.Decide(new RestockInputs(75, 0, Flat(14, 10, 2), Weekly with { ServiceLevel = 0.8 }));

        Assert.Equal(146.29811, decision.OrderUpToLevel, 4);
        Assert.Equal(74.45344, decision.ReorderPoint, 4);
        Assert.Equal(72, decision.OrderQuantity); // 146.29811 - 75 = 71.29811, rounded up
    }

    [Fact]
    public void Decide_Newsvendor_CriticalRatioWeighsMarginAgainstAReviewPeriodsHolding()
    {
        // Underage 5 - 3 = 2; overage 3 * 0.25 * 7 / 365 = 0.0143836; ratio 2 / 2.0143836 = 0.992860.
        var decision = RestockPolicy.Decide(new RestockInputs(75, 0, Flat(14, 10, 2), Newsvendor));

        Assert.Equal(RestockPolicyKind.Newsvendor, decision.Policy);
        Assert.Equal(0.992860, decision.CriticalRatio!.Value, 6);
        Assert.Equal(decision.CriticalRatio.Value, decision.ServiceLevel);
    }

    [Fact]
    public void Decide_Newsvendor_OrderUpToIsTheCriticalRatioQuantileOfProtectionDemand()
    {
        // z(0.992860) = 2.45012: S = 140 + 2.45012 * 7.48331 = 158.33502; reorder point = 70 + 2.45012 * 5.29150 = 82.96482;
        // the order is 158.33502 - 75 = 83.33502, rounded up to 84.
        var decision = RestockPolicy.Decide(new RestockInputs(75, 0, Flat(14, 10, 2), Newsvendor));

        Assert.Equal(158.33502, decision.OrderUpToLevel, 3);
        Assert.Equal(82.96482, decision.ReorderPoint, 3);
        Assert.Equal(84, decision.OrderQuantity);
        Assert.Equal(RestockUrgency.Reorder, decision.Urgency);
        Assert.Equal("Order 84 units: the position of 75 units (75 on hand + 0 on order) is at or under the reorder point of 83; "
            + "demand over the 7-day lead time 70 ± 5 units at the newsvendor's 99.3 % service.", decision.Reason);
    }

    [Fact]
    public void Decide_DaysOfCover_IsOnHandOverTheProtectionIntervalsMeanDailyDemand()
    {
        // Lead time 2 + review 2: days 4, 6, 8, 2 average 5 a day (day 4's 100 lies beyond the interval); 12 / 5 = 2.4 days.
        var forecast = Daily([4, 6, 8, 2, 100], 0);
        var decision = RestockPolicy.Decide(new RestockInputs(12, 0, forecast, new RestockSettings { LeadTimeDays = 2, ReviewPeriodDays = 2 }));

        Assert.Equal(20.0, decision.ProtectionDemand.Mean, 5);
        Assert.Equal(2.4, decision.DaysOfCover!.Value, 5);
        Assert.Equal(0, decision.ExtendedDays);
    }

    [Fact]
    public void Decide_NoDemandForecast_HasNoCoverAndIsOverstocked()
    {
        var decision = Decide(5, 0, Flat(14, 0, 0));

        Assert.Null(decision.DaysOfCover);
        Assert.Equal(RestockUrgency.Overstocked, decision.Urgency);
        Assert.Equal(0, decision.OrderQuantity);
        Assert.Equal("No order: 5 on hand and no demand forecast; demand over the 7-day lead time 0 ± 0 units at 95 % service.", decision.Reason);
    }

    [Fact]
    public void Decide_NothingOnHand_IsOutOfStockAndOrdersNow()
    {
        // 152.30896 - (0 + 40) = 112.30896, rounded up to 113.
        var decision = Decide(0, 40, Flat(14, 10, 2));

        Assert.Equal(RestockUrgency.OutOfStock, decision.Urgency);
        Assert.Equal("Order 113 units now: out of stock with 40 on order; demand over the 7-day lead time 70 ± 5 units at 95 % service.", decision.Reason);
    }

    [Fact]
    public void Decide_CoverUnderTheLeadTime_IsCritical()
    {
        // 18 a day with σ_L = 18 over 7 days (σ_d = 18 / √7 = 6.80336): cover 38 / 18 = 2.1 days < 7.
        // S = 252 + 1.64485 * 6.80336 * √14 = 293.87114; order 293.87114 - 38 = 255.87, rounded up to 256.
        var decision = Decide(38, 0, Flat(14, 18, 18 / MathF.Sqrt(7)));

        Assert.Equal(RestockUrgency.Critical, decision.Urgency);
        Assert.Equal(256, decision.OrderQuantity);
        Assert.Equal("Order 256 units now: 38 on hand cover 2.1 days, less than the 7-day lead time; demand over the 7-day lead time 126 ± 18 units at 95 % service.",
            decision.Reason);
    }

    [Fact]
    public void Decide_CoverExactlyTheLeadTime_IsNotCritical()
    {
        var decision = Decide(70, 0, Flat(14, 10, 2)); // cover 7.0 = lead time; position 70 <= 78.7037

        Assert.Equal(RestockUrgency.Reorder, decision.Urgency);
    }

    [Fact]
    public void Decide_PositionAtOrUnderReorderPoint_IsReorder()
    {
        // Cover 75 / 10 = 7.5 days >= 7; position 75 <= 78.7037; order 152.30896 - 75 = 77.31, rounded up to 78.
        var decision = Decide(75, 0, Flat(14, 10, 2));

        Assert.Equal(RestockUrgency.Reorder, decision.Urgency);
        Assert.Equal(7.5, decision.DaysOfCover);
        Assert.Equal("Order 78 units: the position of 75 units (75 on hand + 0 on order) is at or under the reorder point of 79; "
            + "demand over the 7-day lead time 70 ± 5 units at 95 % service.", decision.Reason);
    }

    [Fact]
    public void Decide_PositionAboveReorderPointUnderOrderUpTo_IsHealthyAndToppedUp()
    {
        // Position 100 + 30 = 130 > 78.7037; cover 10 days; order 152.30896 - 130 = 22.31, rounded up to 23.
        var decision = Decide(100, 30, Flat(14, 10, 2));

        Assert.Equal(RestockUrgency.Healthy, decision.Urgency);
        Assert.Equal(23, decision.OrderQuantity);
        Assert.Equal("Order 23 units: 100 on hand cover 10.0 days; this review tops the position of 130 up to 152; "
            + "demand over the 7-day lead time 70 ± 5 units at 95 % service.", decision.Reason);
    }

    [Fact]
    public void Decide_PositionAtOrAboveOrderUpTo_IsHealthyWithoutOrder()
    {
        var decision = Decide(160, 0, Flat(14, 10, 2));

        Assert.Equal(RestockUrgency.Healthy, decision.Urgency);
        Assert.Equal("No order: 160 on hand cover 16.0 days; the position of 160 is at or above the order-up-to level of 152; "
            + "demand over the 7-day lead time 70 ± 5 units at 95 % service.", decision.Reason);
    }

    [Theory]
    [InlineData(560, RestockUrgency.Healthy)] // cover 56.0 = 4 * 14, not above it
    [InlineData(561, RestockUrgency.Overstocked)] // cover 56.1 > 56
    public void Decide_CoverAgainstFourProtectionIntervals_IsOverstockedOnlyAbove(double onHand, RestockUrgency expected)
    {
        Assert.Equal(expected, Decide(onHand, 0, Flat(14, 10, 2)).Urgency);
    }

    [Fact]
    public void Decide_OverstockMultipleOfTwo_IsOverstockedAboveTwentyEightDays()
    {
        // Cover 281 / 10 = 28.1 days > 2 * 14.
        var decision = RestockPolicy.Decide(new RestockInputs(281, 0, Flat(14, 10, 2), Weekly with { OverstockMultiple = 2 }));

        Assert.Equal(RestockUrgency.Overstocked, decision.Urgency);
        Assert.Equal("No order: 281 on hand cover 28.1 days, more than 2 × the 14-day protection interval; demand over the 7-day lead time 70 ± 5 units at 95 % service.",
            decision.Reason);
    }

    [Fact]
    public void Decide_ForecastShorterThanProtection_ExtendsWithItsLastWeekAverage()
    {
        // Lead time 14 + review 7 = 21 days from a 14-day forecast: week 1 is 10 ± 1 a day; week 2 is 18 ± 2 on days
        // 7, 9, 11, 13 and 22 ± 4 on days 8, 10, 12, so its average is (4 * 18 + 3 * 22) / 7 = 138 / 7 = 19.71429 a day
        // with σ (4 * 2 + 3 * 4) / 7 = 20 / 7 = 2.85714, and days 14..20 repeat that.
        // Lead time: 70 + 138 = 208, variance 7 * 1 + 4 * 4 + 3 * 16 = 71. Protection: 208 + 7 * 138 / 7 = 346, variance
        // 71 + 7 * (20 / 7)² = 71 + 57.14286 = 128.14286, σ = 11.32002.
        var mean = new float[14];
        var sigma = new float[14];
        for (var d = 0; d < 14; d++)
        {
            (mean[d], sigma[d]) = d < 7 ? (10f, 1f) : d % 2 == 1 ? (18f, 2f) : (22f, 4f);
        }

        var decision = RestockPolicy.Decide(new RestockInputs(500, 0, Daily(mean, sigma), new RestockSettings { LeadTimeDays = 14 }));

        Assert.Equal(7, decision.ExtendedDays);
        Assert.Equal(208.0, decision.LeadTimeDemand.Mean, 4);
        Assert.Equal(Math.Sqrt(71), decision.LeadTimeDemand.StandardDeviation, 4);
        Assert.Equal(346.0, decision.ProtectionDemand.Mean, 4);
        Assert.Equal(11.32002, decision.ProtectionDemand.StandardDeviation, 4);
        Assert.EndsWith("(forecast extended by 7 days with its last-week average).", decision.Reason);
    }

    [Fact]
    public void Decide_ForecastShorterThanAWeek_ExtendsWithTheAverageOfAllItsDays()
    {
        // Lead time 3 + review 2 from 3 days of 2, 4, 6: the 2 extra days are 4 each; 12 + 8 = 20.
        var decision = RestockPolicy.Decide(new RestockInputs(0, 0, Daily([2, 4, 6], 0), new RestockSettings { LeadTimeDays = 3, ReviewPeriodDays = 2 }));

        Assert.Equal(2, decision.ExtendedDays);
        Assert.Equal(20.0, decision.ProtectionDemand.Mean, 5);
    }

    [Fact]
    public void Decide_NoLeadTime_ReasonGivesTheReviewPeriodsDemand()
    {
        // Protection = review only: 7 * 10 = 70 ± 2 * √7 = 5.29.
        var decision = RestockPolicy.Decide(new RestockInputs(75, 0, Flat(14, 10, 2), new RestockSettings { LeadTimeDays = 0 }));

        Assert.Equal(0.0, decision.ReorderPoint);
        Assert.EndsWith("; demand over the 7-day review period 70 ± 5 units at 95 % service.", decision.Reason);
    }

    [Fact]
    public void Decide_AnyInputs_CarriesThemAndThePolicy()
    {
        var inputs = new RestockInputs(75, 0, Flat(14, 10, 2), Weekly);

        var decision = RestockPolicy.Decide(inputs);

        Assert.Same(inputs, decision.Inputs);
        Assert.Equal(RestockPolicyKind.OrderUpTo, decision.Policy);
    }

    public static TheoryData<string, RestockInputs> InvalidInputs() => new()
    {
        { "Units on hand must be 0 or more; got -1. (Parameter 'OnHand')", new RestockInputs(-1, 0, Flat(14, 10, 2), Weekly) },
        { "Units on order must be 0 or more; got -0.5. (Parameter 'OnOrder')", new RestockInputs(0, -0.5, Flat(14, 10, 2), Weekly) },
        { "The lead time must be 0 days or more; got -1. (Parameter 'LeadTimeDays')", new RestockInputs(0, 0, Flat(14, 10, 2), Weekly with { LeadTimeDays = -1 }) },
        { "The review period must be 1 day or more; got 0. (Parameter 'ReviewPeriodDays')", new RestockInputs(0, 0, Flat(14, 10, 2), Weekly with { ReviewPeriodDays = 0 }) },
        { "The service level must be strictly between 0 and 1; got 1. (Parameter 'ServiceLevel')", new RestockInputs(0, 0, Flat(14, 10, 2), Weekly with { ServiceLevel = 1 }) },
        { "The service level must be strictly between 0 and 1; got 0. (Parameter 'ServiceLevel')", new RestockInputs(0, 0, Flat(14, 10, 2), Weekly with { ServiceLevel = 0 }) },
        { "The unit price must be 0 or more; got -2. (Parameter 'UnitPrice')", new RestockInputs(0, 0, Flat(14, 10, 2), Weekly with { UnitPrice = -2 }) },
        { "The unit cost must be 0 or more; got -3. (Parameter 'UnitCost')", new RestockInputs(0, 0, Flat(14, 10, 2), Weekly with { UnitCost = -3 }) },
        { "The holding cost rate must be 0 or more per year; got -0.1. (Parameter 'HoldingCostRate')", new RestockInputs(0, 0, Flat(14, 10, 2), Weekly with { HoldingCostRate = -0.1 }) },
        { "The overstock multiple must be 1 or more; got 0.5. (Parameter 'OverstockMultiple')", new RestockInputs(0, 0, Flat(14, 10, 2), Weekly with { OverstockMultiple = 0.5 }) },
        { "The forecast must cover at least 1 day. (Parameter 'Forecast')", new RestockInputs(0, 0, Daily([], 0), Weekly) },
        {
            "The forecast's p10, p50 and p90 must have as many days as its mean (2); got 1, 2 and 2. (Parameter 'Forecast')",
            new RestockInputs(0, 0, new QuantileForecast([1, 1], [1], [1, 1], [1, 1]), Weekly)
        },
        {
            "The forecast's day 1 needs a mean and p10 of 0 or more and a p90 at or above its p10; got mean 1, p10 3 and p90 2. (Parameter 'Forecast')",
            new RestockInputs(0, 0, new QuantileForecast([1, 1], [1, 3], [1, 2], [1, 2]), Weekly)
        },
        {
            "The newsvendor needs a unit price above the unit cost, or a stock-out loses no margin; got price 3 and cost 5. (Parameter 'UnitPrice')",
            new RestockInputs(0, 0, Flat(14, 10, 2), Newsvendor with { UnitPrice = 3, UnitCost = 5 })
        },
        {
            "The newsvendor needs a unit cost and a holding cost rate above 0, or a unit too many costs nothing; got cost 3 and rate 0. (Parameter 'HoldingCostRate')",
            new RestockInputs(0, 0, Flat(14, 10, 2), Newsvendor with { HoldingCostRate = 0 })
        },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Decide_InvalidInput_ThrowsNamingItAndItsValue(string message, RestockInputs inputs)
    {
        var error = Assert.Throws<ArgumentException>(() => RestockPolicy.Decide(inputs));

        Assert.Equal(message, error.Message);
    }

    private static RestockSettings Newsvendor => Weekly with { Policy = RestockPolicyKind.Newsvendor, UnitPrice = 5, UnitCost = 3 };

    private static RestockDecision Decide(double onHand, double onOrder, QuantileForecast forecast) => RestockPolicy.Decide(new RestockInputs(onHand, onOrder, forecast, Weekly));

    /// <summary><paramref name="days"/> days of <paramref name="mean"/> units with daily σ <paramref name="sigma"/>.</summary>
    private static QuantileForecast Flat(int days, float mean, float sigma) => Daily(Enumerable.Repeat(mean, days).ToArray(), Enumerable.Repeat(sigma, days).ToArray());

    private static QuantileForecast Daily(float[] mean, float sigma) => Daily(mean, Enumerable.Repeat(sigma, mean.Length).ToArray());

    /// <summary>A normal forecast: p10 and p90 sit 1.28155 σ either side of the mean, so the policy reads σ back.</summary>
    private static QuantileForecast Daily(float[] mean, float[] sigma)
    {
        var spread = mean.Select((_, d) => (float)(RestockPolicy.P90Z * sigma[d])).ToArray();
        return new QuantileForecast(mean, [.. mean.Select((m, d) => m - spread[d])], mean, [.. mean.Select((m, d) => m + spread[d])]);
    }
}
