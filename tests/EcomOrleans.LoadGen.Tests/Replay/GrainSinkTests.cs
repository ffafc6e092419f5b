using EcomOrleans.Events;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Reporting;
using EcomOrleans.LoadGen.Tests.Support;
using EcomOrleans.Skus;
using EcomOrleans.Users;
using GrainEventKind = EcomOrleans.Events.EventKind;

namespace EcomOrleans.LoadGen.Tests.Replay;

[Collection(GrainClusterCollection.Name)]
public sealed class GrainSinkTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task PostEventsAsync_BatchOfTwoUsers_RecordsEachUsersEventsInItsGrainAndSumsAccepted()
    {
        var (alice, bob) = (Unique("alice"), Unique("bob"));
        ReplayEvent[] batch = [View(alice, 1), View(bob, 1), View(alice, 2), Purchase(alice, 3), View(bob, 2)];
        var latency = new LatencyHistogram();

        var outcome = await Sink().PostEventsAsync(batch, latency, CancellationToken.None);

        Assert.Equal((GrainSink.Accepted, 1, 5, 0), (outcome.StatusCode, outcome.Attempts, outcome.Ingest!.Accepted, outcome.Ingest.Duplicates));
        Assert.Equal(1, latency.Count); // one batch, one latency, however many users it holds
        var aliceProfile = await fixture.Grains.GetGrain<IUserGrain>(alice).GetProfileAsync();
        var bobProfile = await fixture.Grains.GetGrain<IUserGrain>(bob).GetProfileAsync();
        Assert.Equal([batch[0].Timestamp, batch[2].Timestamp, batch[3].Timestamp], aliceProfile!.RecentEvents.Select(e => e.Timestamp));
        Assert.Equal([batch[1].Timestamp, batch[4].Timestamp], bobProfile!.RecentEvents.Select(e => e.Timestamp));
        Assert.Equal(GrainEventKind.Purchase, aliceProfile.RecentEvents[^1].Kind);
    }

    [Fact]
    public async Task PostEventsAsync_SameBatchTwice_SumsDuplicatesAcrossUsers()
    {
        var (alice, bob) = (Unique("alice"), Unique("bob"));
        ReplayEvent[] batch = [View(alice, 1), View(bob, 1), View(alice, 2)];
        await Sink().PostEventsAsync(batch, new LatencyHistogram(), CancellationToken.None);

        var again = await Sink().PostEventsAsync(batch, new LatencyHistogram(), CancellationToken.None);

        Assert.Equal((0, 3), (again.Ingest!.Accepted, again.Ingest.Duplicates));
    }

    [Fact]
    public async Task PutSkuAsync_Sku_PutsItsCatalogFactsInTheSkuGrain()
    {
        var sku = new SkuDefinition(Unique("sku"), "Lipstick", "beauty-cat-4", "beauty-brand-71", 12.5m, 6m, 40, 7);

        var outcome = await Sink().PutSkuAsync(sku, new LatencyHistogram(), CancellationToken.None);

        var snapshot = await fixture.Grains.GetGrain<ISkuGrain>(sku.Sku).GetAsync();
        Assert.Equal(GrainSink.Ok, outcome.StatusCode);
        Assert.Equal(new SkuCatalog("Lipstick", "beauty-cat-4", "beauty-brand-71", 12.5m, 6m, 40, 7), snapshot!.Catalog);
        Assert.Equal(40, snapshot.Stock);
    }

    [Fact]
    public void ToBehaviorEvents_EveryKind_KeepsItsFieldsAndMapsTheKind()
    {
        var kinds = Enum.GetValues<EventKind>();
        var events = kinds.Select((kind, i) => View("carol", i) with { Kind = kind, Quantity = i + 1, Price = 2m }).ToArray();

        var converted = GrainSink.ToBehaviorEvents(events);

        Assert.Equal(kinds.Select(k => k.ToString()), converted.Select(e => e.Kind.ToString()));
        Assert.Equal(events.Select(e => (e.EventId, e.UserId, e.SessionId, (string?)e.Sku, e.Quantity, e.Price, e.Timestamp)),
            converted.Select(e => (e.EventId, e.UserId, e.SessionId, e.Sku, e.Quantity, e.Price, e.Timestamp)));
    }

    private GrainSink Sink() => new(fixture.Grains, TimeProvider.System);

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    private static ReplayEvent View(string user, int n) =>
        new($"{user}-{n}", user, $"{user}-s1", EventKind.View, "beauty-7", 1, null, TestData.Now.AddMinutes(n - 60));

    private static ReplayEvent Purchase(string user, int n) => View(user, n) with { Kind = EventKind.Purchase, Price = 9.99m };
}
