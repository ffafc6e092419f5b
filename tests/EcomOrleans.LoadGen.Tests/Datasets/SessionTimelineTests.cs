using EcomOrleans.Events;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Tests.Support;

namespace EcomOrleans.LoadGen.Tests.Datasets;

public sealed class SessionTimelineTests
{
    private static ReplayScript Load(string dataset) => DatasetRegistry.Get(dataset).Load(TestData.Fixtures, new ScriptOptions(42, TestData.Now));

    [Fact]
    public void Load_YooChooseFixture_ShiftsRealTimesToEndOneMinuteBeforeNow()
    {
        var events = Load("yoochoose").Events;

        // 20 training clicks + 5 test clicks; the last one (test session 2, Unix 1396871917.446) lands at now - 1 min.
        Assert.Equal(25, events.Length);
        Assert.Equal(TestData.Now - TimeSpan.FromMinutes(1), events[^1].Timestamp);
        // Real gaps survive: session 2's first two clicks were 41.759 s apart.
        var session2 = events.Where(e => e.SessionId == "yc-s2").ToArray();
        Assert.Equal(TimeSpan.FromMilliseconds(41_759), session2[1].Timestamp - session2[0].Timestamp);
        Assert.All(events.Zip(events.Skip(1)), pair => Assert.True(pair.First.Timestamp <= pair.Second.Timestamp));
    }

    [Fact]
    public void Load_YooChooseFixture_FirstClickOnAnItemIsAViewRepeatsAreClicks()
    {
        var events = Load("yoochoose").Events;

        // Session 9 clicked item 214576500 three times.
        var session9 = events.Where(e => e.SessionId == "yc-s9").ToArray();
        Assert.Equal([EventKind.View, EventKind.Click, EventKind.Click], session9.Select(e => e.Kind));
        Assert.All(session9, e => Assert.Equal("yc-214576500", e.Sku));
        Assert.Equal(["yc-s9-0", "yc-s9-1", "yc-s9-2"], session9.Select(e => e.EventId));
    }

    [Fact]
    public void Load_AnonymousSessions_UseTheSessionIdAsUserId()
    {
        var events = Load("yoochoose").Events;

        Assert.All(events, e => Assert.Equal(e.SessionId, e.UserId));
    }

    [Fact]
    public void Load_DigineticaFixture_LoggedInUsersKeepTheirUserId()
    {
        var events = Load("diginetica").Events;

        Assert.Equal(19, events.Length);
        Assert.All(events.Where(e => e.SessionId == "dg-s48"), e => Assert.Equal("dg-u2", e.UserId));
        Assert.All(events.Where(e => e.SessionId == "dg-s1"), e => Assert.Equal("dg-s1", e.UserId));
    }

    [Fact]
    public void Load_OttoFixture_CartsAndOrdersBecomeCartAndPurchaseAtCatalogPrice()
    {
        var script = Load("otto");
        var prices = script.Catalog.ToDictionary(s => s.Sku, s => s.Price);

        var session0 = script.Events.Where(e => e.SessionId == "otto-s0").ToArray();
        Assert.Equal(
            [EventKind.View, EventKind.View, EventKind.View, EventKind.View, EventKind.View, EventKind.AddToCart, EventKind.AddToCart, EventKind.Purchase],
            session0.Select(e => e.Kind));
        Assert.Equal("otto-305831", session0[^1].Sku);
        Assert.Equal(prices["otto-305831"], session0[^1].Price);
        Assert.All(script.Events.Where(e => e.Kind != EventKind.Purchase), e => Assert.Null(e.Price));
    }

    [Fact]
    public void Load_SameSessionDataTwice_GivesTheSameEventIdsWhateverTheSeed()
    {
        var first = DatasetRegistry.Get("yoochoose").Load(TestData.Fixtures, new ScriptOptions(1, TestData.Now)).Events;
        var second = DatasetRegistry.Get("yoochoose").Load(TestData.Fixtures, new ScriptOptions(2, TestData.Now.AddHours(1))).Events;

        // Real timelines do not depend on the seed, so a re-run with another seed still reports duplicates.
        Assert.Equal(first.Select(e => e.EventId), second.Select(e => e.EventId));
    }
}
