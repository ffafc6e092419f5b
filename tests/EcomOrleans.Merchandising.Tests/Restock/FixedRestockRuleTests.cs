using EcomOrleans.Merchandising.Restock;

namespace EcomOrleans.Merchandising.Tests.Restock;

public sealed class FixedRestockRuleTests
{
    // Ten old days of 100, then 28 days of 2: the trailing 28-day mean is 2, so it reorders at 14 * 2 = 28 and orders 28 * 2 = 56.
    private static readonly float[] History = [.. Enumerable.Repeat(100f, 10), .. Enumerable.Repeat(2f, 28)];

    [Theory]
    [InlineData(20, 8, 56)] // position 28 <= 28
    [InlineData(20, 9, 0)] // position 29 > 28
    public void Order_PositionAgainstFourteenDaysOfDemand_OrdersTwentyEightDaysOnlyAtOrUnder(double onHand, double onOrder, double expected)
    {
        var quantity = new FixedRestockRule().Order(new RestockReview { History = History, OnHand = onHand, OnOrder = onOrder, LeadTimeDays = 7, ReviewPeriodDays = 7 });

        Assert.Equal(expected, quantity);
    }

    [Fact]
    public void Order_FractionalDemand_RoundsTheOrderUpToAWholeUnit()
    {
        // Mean (1 + 2) / 2 = 1.5: 28 * 1.5 = 42 exactly. Then one day of 1 with 2.2 days ordered: 2.2 units round up to 3.
        var quantity = new FixedRestockRule(windowDays: 2).Order(new RestockReview { History = [1f, 2f], OnHand = 0, OnOrder = 0, LeadTimeDays = 7, ReviewPeriodDays = 7 });

        Assert.Equal(42, quantity);
        Assert.Equal(3, new FixedRestockRule(1, 2.2).Order(new RestockReview { History = [1f], OnHand = 0, OnOrder = 0, LeadTimeDays = 7, ReviewPeriodDays = 7 }));
    }

    [Fact]
    public void MeanDailyDemand_HistoryShorterThanTheWindow_AveragesAllOfIt() => Assert.Equal(3.0, FixedRestockRule.MeanDailyDemand([2f, 4f], 28));
}
