using EcomOrleans.Events;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Tests.Support;

namespace EcomOrleans.LoadGen.Tests.Datasets;

public sealed class ReviewTimelineTests
{
    private static readonly IDataset Beauty = DatasetRegistry.Get("beauty");

    private static ReplayScript Load(int seed = 42) => Beauty.Load(TestData.Fixtures, new ScriptOptions(seed, TestData.Now));

    [Fact]
    public void Load_BeautyFixture_IsGloballyTimeOrdered()
    {
        var events = Load().Events;

        Assert.All(events.Zip(events.Skip(1)), pair => Assert.True(pair.First.Timestamp <= pair.Second.Timestamp));
    }

    [Fact]
    public void Load_BeautyFixture_AllEventsFallInTheSpanBeforeNow()
    {
        var events = Load().Events;

        Assert.All(events, e => Assert.InRange(e.Timestamp, TestData.Now - TimeSpan.FromDays(28), TestData.Now - TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Load_BeautyFixture_EveryReviewIsOneViewAndOnePurchaseInTheUsersOrder()
    {
        var events = Load().Events;

        // User 2 reviewed 6 7 8 9 10 4 11: each is viewed once and bought once, in that order.
        var user2 = events.Where(e => e.UserId == "beauty-u2").ToArray();
        string[] expected = ["beauty-6", "beauty-7", "beauty-8", "beauty-9", "beauty-10", "beauty-4", "beauty-11"];
        Assert.Equal(expected, user2.Where(e => e.Kind == EventKind.View).Select(e => e.Sku));
        Assert.Equal(expected, user2.Where(e => e.Kind == EventKind.Purchase).Select(e => e.Sku));
        Assert.Equal(66, events.Count(e => e.Kind == EventKind.Purchase)); // one per line item of the fixture
        Assert.Equal(66, events.Count(e => e.Kind == EventKind.View));
    }

    [Fact]
    public void Load_BeautyFixture_FunnelStepsPrecedeThePurchaseInTheSameSession()
    {
        var events = Load().Events;

        foreach (var purchase in events.Where(e => e.Kind == EventKind.Purchase))
        {
            var view = events.Single(e => e.EventId == purchase.EventId[..^1] + "v");
            Assert.Equal(purchase.SessionId, view.SessionId);
            Assert.True(view.Timestamp < purchase.Timestamp);
            Assert.Equal(1, purchase.Quantity);
        }

        Assert.All(events.Where(e => e.Kind is EventKind.Click or EventKind.AddToCart), e => Assert.Contains(events, v => v.EventId == e.EventId[..^1] + "v"));
    }

    [Fact]
    public void Load_BeautyFixture_PurchasesCarryTheCatalogPrice()
    {
        var script = Load();
        var prices = script.Catalog.ToDictionary(s => s.Sku, s => s.Price);

        Assert.All(script.Events, e => Assert.Equal(e.Kind == EventKind.Purchase ? prices[e.Sku] : null, e.Price));
    }

    [Fact]
    public void Load_SameSeed_GivesIdenticalEventsAndAnotherSeedMovesThem()
    {
        var first = Load(seed: 42).Events;
        var again = Load(seed: 42).Events;
        var other = Load(seed: 7).Events;

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(e => e.Timestamp), other.Select(e => e.Timestamp));
        Assert.DoesNotContain(first.Select(e => e.EventId), other.Select(e => e.EventId).ToHashSet().Contains);
    }

    [Fact]
    public void Load_BeautyFixture_EventIdsAreUniqueAndNameSeedUserAndStep()
    {
        var events = Load().Events;

        Assert.Equal(events.Length, events.Select(e => e.EventId).Distinct().Count());
        Assert.Contains(events, e => e.EventId == "e42-beauty-u2-0v" && e.Sku == "beauty-6");
        Assert.Contains(events, e => e.EventId == "e42-beauty-u2-6p" && e.Sku == "beauty-11");
        Assert.All(events, e => Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", e.EventId));
        Assert.All(events, e => Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", e.SessionId));
    }

    [Fact]
    public void Build_ShortSpanAndLongHistory_KeepsTheUsersOrder()
    {
        var profile = new DatasetProfile("t", "t", "T", 10, 0.5);
        var items = Enumerable.Range(1, 300).ToArray();
        var catalog = items.ToDictionary(i => (long)i, i => new SkuDefinition($"t-{i}", "", "", "", 1m, 0.5m, 1, 3));
        var options = new ScriptOptions(42, TestData.Now) { SyntheticSpan = TimeSpan.FromHours(2) };

        var events = ReviewTimeline.Build(profile, [new UserSequence(1, items)], catalog, options);

        // 300 reviews in 2 hours: sessions and steps shrink, but the user's events stay strictly in order and in the past.
        Assert.All(events.Zip(events.Skip(1)), pair => Assert.True(pair.First.Timestamp < pair.Second.Timestamp));
        Assert.Equal(items.Select(i => $"t-{i}"), events.Where(e => e.Kind == EventKind.Purchase).Select(e => e.Sku));
        Assert.True(events[^1].Timestamp < TestData.Now);
    }
}
