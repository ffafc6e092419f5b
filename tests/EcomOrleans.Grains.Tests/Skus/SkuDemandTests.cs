using EcomOrleans.Events;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Tests.Skus;

public sealed class SkuDemandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void CountCoViews_NeverItself_AndTheLeastFrequentGoesPastTheBound()
    {
        var demand = new SkuDemand(new SkuDemandState(), new SkuGrainOptions { MaxCoViews = 2 }, TimeSpan.FromHours(1));

        demand.CountCoViews(["a", "b", "self"], "self");
        demand.CountCoViews(["a", "c"], "self");
        demand.CountCoViews(["c"], "self");

        Assert.Equal([new KeyValuePair<string, long>("a", 2), new KeyValuePair<string, long>("c", 2)], demand.TopCoViews(5));
    }

    [Fact]
    public void Count_EventOlderThanHourlyRetention_LandsInItsDayOnly()
    {
        var demand = new SkuDemand(new SkuDemandState(), new SkuGrainOptions(), TimeSpan.FromHours(1));

        demand.Count(new SkuEvent(1, EventKind.Purchase, 3, null, Now.AddDays(-10)), 2.5m, Now);

        Assert.Empty(demand.Buckets(DemandGranularity.Hour, Now));
        var day = Assert.Single(demand.Buckets(DemandGranularity.Day, Now));
        Assert.Equal(new DemandCounts(0, 0, 0, 1, 3, 7.5m), day.ToCounts());
        Assert.Equal(new DemandCounts(0, 0, 0, 1, 3, 7.5m), demand.State.Totals.ToCounts());
    }
}
