using EcomOrleans.Events;
using EcomOrleans.Skus;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Tests.Users;

[Collection(ClusterCollection.Name)]
public sealed class UserGrainTests(ClusterFixture fixture)
{
    private static DateTimeOffset Now => ClusterFixture.Time.GetUtcNow();

    [Fact]
    public async Task RecordEvents_BeyondWindow_DropsOldestEvent()
    {
        var userId = Events.NewKey("u");
        var events = Enumerable.Range(0, 51)
            .Select(i => Events.Of(userId, EventKind.View, Now.AddMinutes(-60 + i), sku: $"w-{i}", eventId: $"e{i}"))
            .ToList();

        var result = await fixture.Grains.GetGrain<IUserGrain>(userId).RecordEventsAsync(events);
        var profile = await fixture.Grains.GetGrain<IUserGrain>(userId).GetProfileAsync();

        Assert.Equal(new IngestResult(51, 0), result);
        Assert.NotNull(profile);
        Assert.Equal(51, profile.TotalEvents);
        // The default window is 50 events: w-0, the oldest, is the one dropped.
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"w-{i}"), profile.RecentEvents.Select(e => e.Sku));
    }

    [Fact]
    public async Task RecordEvents_LateEvent_TakesItsPlaceInTimeOrder()
    {
        var userId = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);
        await grain.RecordEventsAsync([Events.Of(userId, EventKind.View, Now.AddMinutes(-10), sku: "a"), Events.Of(userId, EventKind.View, Now.AddMinutes(-5), sku: "c")]);

        await grain.RecordEventsAsync([Events.Of(userId, EventKind.Click, Now.AddMinutes(-7), sku: "b")]);

        var profile = await grain.GetProfileAsync();
        Assert.Equal(["a", "b", "c"], profile!.RecentEvents.Select(e => e.Sku));
    }

    [Fact]
    public async Task RecordEvents_RepeatedEventIds_CountedOnceAndReportedAsDuplicates()
    {
        var userId = Events.NewKey("u");
        var sku = Events.NewKey("sku");
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);
        var first = Events.Of(userId, EventKind.View, Now, sku, eventId: "e1");
        var second = Events.Of(userId, EventKind.View, Now, sku, eventId: "e2");

        var firstResult = await grain.RecordEventsAsync([first, second, second]);
        var retryResult = await grain.RecordEventsAsync([second, Events.Of(userId, EventKind.View, Now, sku, eventId: "e3")]);

        Assert.Equal(new IngestResult(2, 1), firstResult);
        Assert.Equal(new IngestResult(1, 1), retryResult);
        Assert.Equal(3, (await grain.GetProfileAsync())!.TotalEvents);
        // The SKU counted each distinct view once, too.
        var demand = await fixture.Grains.GetGrain<ISkuGrain>(sku).GetDemandAsync(DemandGranularity.Day);
        Assert.Equal(3, Assert.Single(demand.Buckets).Counts.Views);
    }

    [Fact]
    public async Task RecordEvents_EventOfAnotherUser_IsRefused()
    {
        var grain = fixture.Grains.GetGrain<IUserGrain>(Events.NewKey("u"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.RecordEventsAsync([Events.Of("someone-else", EventKind.View, Now, eventId: "x")]));

        Assert.StartsWith("Event 'x' belongs to user 'someone-else', not 'u-", error.Message);
    }

    [Fact]
    public async Task RecordEvents_SearchAndSessions_TrackedPerSession()
    {
        var userId = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);

        await grain.RecordEventsAsync(
        [
            Events.Of(userId, EventKind.Search, Now.AddMinutes(-30), sku: null, query: "red lipstick", sessionId: "s-a"),
            Events.Of(userId, EventKind.View, Now.AddMinutes(-29), sessionId: "s-a"),
            Events.Of(userId, EventKind.View, Now.AddMinutes(-1), sessionId: "s-b"),
        ]);

        var profile = await grain.GetProfileAsync();
        Assert.Equal(3, profile!.TotalEvents);
        Assert.Equal([("s-b", 1), ("s-a", 2)], profile.Sessions.Select(s => (s.SessionId, s.Events)));
        Assert.Equal(Now.AddMinutes(-30), profile.Sessions[1].Started);
    }

    [Fact]
    public async Task CategoryAffinity_AfterOneHalfLife_IsHalved()
    {
        var userId = Events.NewKey("u");
        var sku = Events.NewKey("sku");
        await fixture.Grains.GetGrain<ISkuGrain>(sku).UpsertCatalogAsync(new SkuCatalog("Serum", "skincare", "acme", 20m, 8m, 10, 5));
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);
        await grain.RecordEventsAsync([Events.Of(userId, EventKind.Purchase, Now, sku), Events.Of(userId, EventKind.View, Now, sku)]);

        var fresh = await grain.GetProfileAsync();
        ClusterFixture.Time.Advance(TimeSpan.FromDays(7));
        var week = await grain.GetProfileAsync();

        // A purchase weighs 5 and a view 1; the default half-life is 7 days.
        Assert.Equal(6.0, Assert.Single(fresh!.CategoryAffinities).Score, precision: 9);
        Assert.Equal(new CategoryAffinity("skincare", 3.0), Assert.Single(week!.CategoryAffinities) with { Score = Math.Round(week.CategoryAffinities[0].Score, 9) });
    }

    [Fact]
    public async Task Forget_ClearsTheUser_AndTheSameEventIdIsNewAgain()
    {
        var userId = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);
        var e = Events.Of(userId, EventKind.View, Now, eventId: "e1");
        await grain.RecordEventsAsync([e]);

        await grain.ForgetAsync();

        Assert.Null(await grain.GetProfileAsync());
        Assert.Equal(new IngestResult(1, 0), await grain.RecordEventsAsync([e]));
    }
}
