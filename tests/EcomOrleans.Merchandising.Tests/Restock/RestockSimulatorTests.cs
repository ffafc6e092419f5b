using EcomOrleans.Merchandising.Restock;

namespace EcomOrleans.Merchandising.Tests.Restock;

public sealed class RestockSimulatorTests
{
    // Two history days, then six days of 3. Lead time 1, review every 2 days from day 2, 4 units to start, 6 ordered each review:
    // day 2: 4 - 3 = 1 left, review orders 6 (lands day 4)  | day 3: serves 1, loses 2, 0 left (stock-out)
    // day 4: 6 land, 6 - 3 = 3, review orders 6 (day 6)      | day 5: 3 - 3 = 0 left (stock-out: nothing on hand)
    // day 6: 6 land, 3 left, review orders 6 (day 8: never) | day 7: 0 left (stock-out)
    private static readonly float[] Demand = [5, 5, 3, 3, 3, 3, 3, 3];

    [Fact]
    public void Run_FixedOrders_ServesWhatIsOnHandAndLosesTheRest()
    {
        var result = RestockSimulator.Run(Demand, new RecordingRule(6), new RestockSimulationOptions(1, 2, 2, 4));

        Assert.Equal(6, result.Days);
        Assert.Equal(18, result.UnitsDemanded);
        Assert.Equal(16, result.UnitsServed); // 2 lost on day 3
        Assert.Equal(16.0 / 18, result.FillRate, 12);
    }

    [Fact]
    public void Run_FixedOrders_CountsStockOutDaysMeanOnHandAndOrders()
    {
        var result = RestockSimulator.Run(Demand, new RecordingRule(6), new RestockSimulationOptions(1, 2, 2, 4));

        Assert.Equal(3, result.StockOutDays); // days 3, 5, 7
        Assert.Equal(7.0 / 6, result.MeanOnHand, 12); // end of day 1, 0, 3, 0, 3, 0
        Assert.Equal(3, result.OrdersPlaced);
        Assert.Equal(18, result.UnitsOrdered); // the last 6 is still on order when the series ends
    }

    [Fact]
    public void Run_EachReview_SeesTheDemandUpToThatDayAndTheStockAfterIt()
    {
        var rule = new RecordingRule(6);

        RestockSimulator.Run(Demand, rule, new RestockSimulationOptions(3, 2, 2, 4));

        // Lead time 3: the day-2 order lands on day 6, so day 4's review still has it on order; day 4: 0 on hand
        // (day 3 served the last 1), day 6: 6 landed, 3 left, with day 4's order out.
        Assert.Equal([(3, 1.0, 0.0), (5, 0.0, 6.0), (7, 3.0, 6.0)], rule.Reviews);
    }

    [Fact]
    public void Run_NoDemand_HasFillRateOne()
    {
        var result = RestockSimulator.Run(new float[10], new RecordingRule(0), new RestockSimulationOptions(0, 7, 3, 1));

        Assert.Equal(1.0, result.FillRate);
        Assert.Equal(0, result.OrdersPlaced);
    }

    [Theory]
    [InlineData(0, 1, 0, 0.0, "The simulation must start on a day from 1 to 7 of the 8-day series; got 0. (Parameter 'options')")]
    [InlineData(8, 1, 0, 0.0, "The simulation must start on a day from 1 to 7 of the 8-day series; got 8. (Parameter 'options')")]
    [InlineData(2, 0, 0, 0.0, "The simulation needs a lead time of 0 days or more and a review period of 1 day or more; got 0 and 0. (Parameter 'options')")]
    [InlineData(2, 1, -1, 0.0, "The simulation needs a lead time of 0 days or more and a review period of 1 day or more; got -1 and 1. (Parameter 'options')")]
    [InlineData(2, 1, 0, -2.5, "The opening stock must be 0 units or more; got -2.5. (Parameter 'options')")]
    public void Run_InvalidOptions_ThrowsNamingThem(int start, int review, int lead, double initial, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => RestockSimulator.Run(Demand, new RecordingRule(0), new RestockSimulationOptions(lead, review, start, initial)));

        Assert.Equal(message, error.Message);
    }

    /// <summary>Orders the same quantity at every review and remembers what each review showed it.</summary>
    private sealed class RecordingRule(double quantity) : IRestockRule
    {
        public List<(int HistoryDays, double OnHand, double OnOrder)> Reviews { get; } = [];

        public double Order(RestockReview review)
        {
            Reviews.Add((review.History.Length, review.OnHand, review.OnOrder));
            return quantity;
        }
    }
}
