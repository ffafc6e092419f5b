using System.Diagnostics.Metrics;
using EcomOrleans.Events;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Grains.Users;
using EcomOrleans.Skus;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Tests.Storage;

/// <summary>The dedup windows are state: a re-sent event is dropped by a new activation reading them back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DedupAcrossActivationsTests(ClusterFixture fixture)
{
    private static DateTimeOffset Now => ClusterFixture.Time.GetUtcNow();

    [Fact]
    public async Task ResentEvent_AfterUserAndSkuGrainsDeactivated_IsADuplicateAndCountedOnce()
    {
        var (userId, sku) = (Events.NewKey("u"), Events.NewKey("sku"));
        await fixture.Grains.GetGrain<ISkuGrain>(sku).UpsertCatalogAsync(new SkuCatalog("T", "c", "acme", 10m, 4m, 5, 7));
        var purchase = Events.Of(userId, EventKind.Purchase, Now, sku, quantity: 2);
        await fixture.Grains.GetGrain<IUserGrain>(userId).RecordEventsAsync([purchase]);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var again = await fixture.Grains.GetGrain<IUserGrain>(userId).RecordEventsAsync([purchase]);
        // A user grain whose write failed forwards again: the SKU's own window must drop it too.
        await fixture.Grains.GetGrain<ISkuGrain>(sku).ApplyEventsAsync([SkuEvent.Of(purchase)], []);

        var snapshot = await fixture.Grains.GetGrain<ISkuGrain>(sku).GetAsync();
        Assert.Equal(new IngestResult(0, 1), again);
        Assert.Equal((3, 1L, 2L), (snapshot!.Stock, snapshot.Totals.Purchases, snapshot.Totals.Units));
    }

    [Fact]
    public async Task FullWindow_AfterDeactivation_DropsSpilledAndPendingEventsAndAcceptsOnesThatLeftTheWindow()
    {
        var userId = Events.NewKey("u");
        var events = Enumerable.Range(0, 1_130).Select(i => Events.Of(userId, EventKind.View, Now.AddSeconds(i), eventId: $"e-{i:D4}")).ToList();
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);
        foreach (var batch in events.Chunk(113))
        {
            await grain.RecordEventsAsync(batch);
        }

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        // 1,130 keys in batches of 113: each batch spills, so the record holds the last 1,000 and nothing is pending.
        var stored = fixture.Storage.ReadJson(StorageNames.UserState, grain.GetGrainId())!;
        var spilledJson = fixture.Storage.ReadJson(StorageNames.UserDedupState, grain.GetGrainId());

        var resent = await grain.RecordEventsAsync([events[130], events[700], events[1_129]]);
        var gone = await grain.RecordEventsAsync([events[129], events[0]]);

        Assert.Contains("\"DedupSpilled\":1000", stored, StringComparison.Ordinal);
        Assert.NotNull(spilledJson);
        Assert.Equal(new IngestResult(0, 3), resent);
        Assert.Equal(new IngestResult(2, 0), gone);
    }

    [Fact]
    public async Task SpilledKeysUnreadableAfterARewrite_DeactivateTheShopper_SoASpilledResendIsStillDropped()
    {
        var userId = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);
        var events = Enumerable.Range(0, 70).Select(i => Events.Of(userId, EventKind.View, Now.AddSeconds(i), eventId: $"x-{i}")).ToList();
        await grain.RecordEventsAsync(events[..64]);
        await grain.RecordEventsAsync(events[64..]);
        var id = grain.GetGrainId();
        var (user, spilled) = (fixture.Storage.Read(StorageNames.UserState, id)!, fixture.Storage.Read(StorageNames.UserDedupState, id)!);

        // The user's record is rewritten behind the activation (the same content, a new ETag) while its spilled
        // record cannot be read.
        fixture.Storage.Seed(StorageNames.UserState, id, user);
        fixture.Storage.Seed(StorageNames.UserDedupState, id, BinaryData.FromString("not a dedup record"));
        ClusterFixture.Time.Advance(TimeSpan.FromSeconds(31));
        await Assert.ThrowsAnyAsync<Exception>(grain.GetProfileAsync);
        fixture.Storage.Seed(StorageNames.UserDedupState, id, spilled);

        // The first batch's keys were spilled: the shopper must still know them.
        var resent = await grain.RecordEventsAsync([events[3]]);

        Assert.Equal(new IngestResult(0, 1), resent);
    }

    [Fact]
    public async Task PendingKeys_AfterDeactivation_AreStillDuplicates()
    {
        var userId = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);
        var events = Enumerable.Range(0, 10).Select(i => Events.Of(userId, EventKind.View, Now.AddSeconds(i), eventId: $"p-{i}")).ToList();
        await grain.RecordEventsAsync(events);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var again = await grain.RecordEventsAsync(events);

        // Ten keys stay pending in the user's own state: no spilled record is written for a small shopper.
        Assert.Equal(new IngestResult(0, 10), again);
        Assert.Null(fixture.Storage.ReadJson(StorageNames.UserDedupState, grain.GetGrainId()));
    }

    [Fact]
    public async Task SpilledRecordReads_AreCountedByReason()
    {
        var userId = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);
        var events = Enumerable.Range(0, 70).Select(i => Events.Of(userId, EventKind.View, Now.AddSeconds(i), eventId: $"r-{i}")).ToList();
        var reads = new Dictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == UserInstruments.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == UserInstruments.ReasonTag)
                {
                    var reason = (string)tag.Value!;
                    lock (reads)
                    {
                        reads[reason] = reads.GetValueOrDefault(reason) + value;
                    }
                }
            }
        });
        listener.Start();

        await grain.RecordEventsAsync(events[..64]);
        await grain.RecordEventsAsync(events[64..]);
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await grain.RecordEventsAsync([events[5]]);

        // One spill (64 keys), one activation that built the fingerprints, one re-send that matched one.
        Assert.Equal(
            new Dictionary<string, long> { [UserInstruments.Spill] = 1, [UserInstruments.Activation] = 1, [UserInstruments.FingerprintMatch] = 1 },
            reads);
    }
}
