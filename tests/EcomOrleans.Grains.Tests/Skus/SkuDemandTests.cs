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

    [Fact]
    public void Count_PastTheDailyBuckets_StillCountsInTheUnitHistory()
    {
        // 300 days ago is past the 120 days of buckets and inside the 728 days of units; a view on day 298 is a 0.
        var demand = new SkuDemand(new SkuDemandState(), new SkuGrainOptions(), TimeSpan.FromHours(1));

        demand.Count(new SkuEvent(1, EventKind.Purchase, 4, null, Now.AddDays(-300)), 1m, Now);
        demand.Count(new SkuEvent(2, EventKind.View, 1, null, Now.AddDays(-298)), 1m, Now);

        Assert.Empty(demand.Buckets(DemandGranularity.Day, Now));
        var (first, units) = UnitHistory.Of(demand.State).Before(SkuForecasting.DayOf(Now));
        Assert.Equal(SkuForecasting.DayOf(Now.AddDays(-300)), first);
        Assert.Equal(300, units.Length);
        Assert.Equal([4f, 0f, 0f], units[..3]);
        Assert.All(units[3..], u => Assert.Equal(0f, u));
    }

    [Fact]
    public void Count_PastTheUnitRetentionOrAfterTomorrow_IsLeftOutOfTheUnitHistory()
    {
        var demand = new SkuDemand(new SkuDemandState(), new SkuGrainOptions { UnitHistoryRetention = TimeSpan.FromDays(30) }, TimeSpan.FromHours(1));

        demand.Count(new SkuEvent(1, EventKind.Purchase, 4, null, Now.AddDays(-31)), 1m, Now);
        demand.Count(new SkuEvent(2, EventKind.Purchase, 5, null, Now.AddDays(2)), 1m, Now);

        Assert.Empty(demand.State.UnitHistory!);
        Assert.Empty(UnitHistory.Of(demand.State).Before(SkuForecasting.DayOf(Now.AddDays(5))).Units);
    }

    [Fact]
    public void Count_OnTheCutoffDayAndTomorrow_IsKeptInTheUnitHistory()
    {
        var demand = new SkuDemand(new SkuDemandState(), new SkuGrainOptions { UnitHistoryRetention = TimeSpan.FromDays(30) }, TimeSpan.FromHours(1));

        demand.Count(new SkuEvent(1, EventKind.Purchase, 4, null, Now.AddDays(-30)), 1m, Now);
        demand.Count(new SkuEvent(2, EventKind.Purchase, 5, null, Now.AddDays(1)), 1m, Now);

        Assert.Equal(SkuForecasting.DayOf(Now.AddDays(-30)), demand.State.UnitHistoryStart);
        Assert.Equal(32, demand.State.UnitHistory!.Count); // the cutoff day, 29 days between, today and tomorrow
        Assert.Equal((4, 5), (demand.State.UnitHistory[0], demand.State.UnitHistory[^1]));
    }

    [Fact]
    public void Prune_DropsTheUnitDaysPastTheRetention()
    {
        var demand = new SkuDemand(new SkuDemandState(), new SkuGrainOptions { UnitHistoryRetention = TimeSpan.FromDays(30) }, TimeSpan.FromHours(1));
        demand.Count(new SkuEvent(1, EventKind.Purchase, 4, null, Now.AddDays(-20)), 1m, Now);
        demand.Count(new SkuEvent(2, EventKind.Purchase, 6, null, Now.AddDays(-5)), 1m, Now);

        demand.Prune(Now.AddDays(20)); // the cutoff is now 10 days ago: day -20 goes, day -5 stays

        var (first, units) = UnitHistory.Of(demand.State).Before(SkuForecasting.DayOf(Now));
        Assert.Equal(SkuForecasting.DayOf(Now.AddDays(-10)), first);
        Assert.Equal([0f, 0f, 0f, 0f, 0f, 6f, 0f, 0f, 0f, 0f], units);
    }
}
