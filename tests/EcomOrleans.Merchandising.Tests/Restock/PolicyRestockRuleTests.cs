using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Merchandising.Restock;

namespace EcomOrleans.Merchandising.Tests.Restock;

public sealed class PolicyRestockRuleTests
{
    private static readonly RestockSettings Weekly = new() { LeadTimeDays = 7 };

    [Fact]
    public void Order_Review_ForecastsTheProtectionIntervalFromTheHistoryAndOrdersThePolicysQuantity()
    {
        // 14 days of 10 with no spread: S = 140, position 75 + 5 = 80, so 60 are ordered.
        var asked = new List<(int, int)>();
        var rule = new PolicyRestockRule(Weekly, (history, horizon) =>
        {
            asked.Add((history.Length, horizon));
            var flat = Enumerable.Repeat(10f, horizon).ToArray();
            return new QuantileForecast(flat, flat, flat, flat);
        });

        var quantity = rule.Order(new RestockReview { History = new float[30], OnHand = 75, OnOrder = 5, LeadTimeDays = 7, ReviewPeriodDays = 7 });

        Assert.Equal(60, quantity);
        Assert.Equal([(30, 14)], asked);
    }

    [Fact]
    public void Order_SimulationWithAnotherLeadTime_Throws()
    {
        var rule = new PolicyRestockRule(Weekly, DemandBaselines.ExponentialSmoothing);

        var error = Assert.Throws<ArgumentException>(() => rule.Order(new RestockReview { History = new float[30], OnHand = 0, OnOrder = 0, LeadTimeDays = 3, ReviewPeriodDays = 7 }));

        Assert.Equal("The policy's lead time and review period (7 and 7 days) differ from the simulation's (3 and 7 days). (Parameter 'review')", error.Message);
    }
}
