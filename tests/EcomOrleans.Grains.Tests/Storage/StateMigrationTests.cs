using System.Text;
using EcomOrleans.Events;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Skus;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Tests.Storage;

/// <summary>
/// State written by the code before the compact layout (the JSON in Fixtures/ was serialized from the previous
/// commit's UserState and SkuState) still loads, keeps its meaning, and is written back in the new layout.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StateMigrationTests(ClusterFixture fixture)
{
    private static DateTimeOffset Now => ClusterFixture.Time.GetUtcNow();

    [Fact]
    public async Task UserState_WrittenBeforeTheCompactLayout_LoadsWithItsSequenceAndDedupWindow()
    {
        var userId = Events.NewKey("u");
        var grainId = GrainId.Create("user", userId);
        fixture.Storage.Seed(StorageNames.UserState, grainId, Fixture("user-state-v1.json"));
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);

        var profile = await grain.GetProfileAsync();
        var result = await grain.RecordEventsAsync([
            Events.Of(userId, EventKind.View, Now, "beauty-17", eventId: "e-1002"),
            Events.Of(userId, EventKind.View, Now, "beauty-18", eventId: "e-2000")]);

        var at = new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero);
        Assert.Equal(
            [
                new SequenceEntry(EventKind.Search, null, at.AddMinutes(-1), "s-9", Query: "matte lipstick"),
                new SequenceEntry(EventKind.View, "beauty-17", at, "s-9"),
                new SequenceEntry(EventKind.Purchase, "beauty-17", at.AddMinutes(1), "s-9", 2, 12.50m),
            ],
            profile!.RecentEvents);
        Assert.Equal((3L, "sequence-1"), (profile.TotalEvents, profile.EmbeddingModelVersion));
        Assert.Equal([new SessionSummary("s-9", at.AddMinutes(-1), at.AddMinutes(1), 3)], profile.Sessions);
        // e-1002 was in the old window of event id strings: still a duplicate.
        Assert.Equal(new IngestResult(1, 1), result);
        var written = fixture.Storage.ReadJson(StorageNames.UserState, grainId)!;
        Assert.DoesNotContain("\"SeenEventIds\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Recent\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserState_WrittenBeforeTheStructLayout_LoadsWithItsOffsetsPricesAndDedupWindow()
    {
        // user-state-v2.json is a UserState as 41bfbf5 wrote it (the sequence, sessions and affinities as records and
        // classes, times with an offset of +01:00); its dedup window holds e-1001 to e-1004 of user u-42.
        const string userId = "u-42";
        var grainId = GrainId.Create("user", userId);
        fixture.Storage.Seed(StorageNames.UserState, grainId, Fixture("user-state-v2.json"));
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);

        var profile = await grain.GetProfileAsync();
        var result = await grain.RecordEventsAsync([
            Events.Of(userId, EventKind.View, Now, "beauty-17", eventId: "e-1003"),
            Events.Of(userId, EventKind.View, Now, "beauty-18", eventId: "e-3000")]);

        var at = new DateTimeOffset(2026, 11, 20, 11, 15, 0, TimeSpan.FromHours(1));
        Assert.Equal(
            [
                new SequenceEntry(EventKind.Search, null, at.AddMinutes(-1), "s-9", Query: "matte lipstick"),
                new SequenceEntry(EventKind.View, "beauty-17", at, "s-9"),
                new SequenceEntry(EventKind.AddToCart, "beauty-17", at.AddSeconds(30), "s-9", 2, 12.50m),
                new SequenceEntry(EventKind.Purchase, "beauty-17", at.AddMinutes(1), "s-9", 2, 12.50m),
            ],
            profile!.RecentEvents);
        Assert.All(profile.RecentEvents, e => Assert.Equal(TimeSpan.FromHours(1), e.Timestamp.Offset));
        Assert.Equal([new SessionSummary("s-9", at.AddMinutes(-1), at.AddMinutes(1), 4)], profile.Sessions);
        Assert.Equal((4L, "sequence-1", true), (profile.TotalEvents, profile.EmbeddingModelVersion, profile.EmbeddingStale));
        var makeup = Assert.Single(profile.CategoryAffinities);
        Assert.Equal("makeup", makeup.Category);
        Assert.Equal(9.5 * Math.Pow(0.5, (Now - at.AddMinutes(1)) / TimeSpan.FromDays(7)), makeup.Score, 9);
        // e-1003 is in the stored window: still a duplicate.
        Assert.Equal(new IngestResult(1, 1), result);
    }

    [Fact]
    public async Task UserState_WrittenBeforeTheDedupTiers_KeepsItsWindowAndSpillsItOnTheNextBatch()
    {
        // user-state-v3.json is a UserState as d2c4304 wrote it: every dedup key in the user's own record, here the
        // 100 of e-000 to e-099 of user u-43.
        const string userId = "u-43";
        var grainId = GrainId.Create("user", userId);
        fixture.Storage.Seed(StorageNames.UserState, grainId, Fixture("user-state-v3.json"));
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);

        var resent = await grain.RecordEventsAsync([
            Events.Of(userId, EventKind.View, Now, "beauty-1", eventId: "e-010"),
            Events.Of(userId, EventKind.View, Now, "beauty-1", eventId: "e-099"),
            Events.Of(userId, EventKind.View, Now, "beauty-1", eventId: "e-100")]);
        var written = fixture.Storage.ReadJson(StorageNames.UserState, grainId)!;
        var spilled = fixture.Storage.ReadJson(StorageNames.UserDedupState, grainId);
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var again = await grain.RecordEventsAsync([
            Events.Of(userId, EventKind.View, Now, "beauty-1", eventId: "e-000"),
            Events.Of(userId, EventKind.View, Now, "beauty-1", eventId: "e-100")]);

        Assert.Equal(new IngestResult(1, 2), resent);
        // 101 keys pending made a spill: the user's record keeps none of them, the second record all 101.
        Assert.Contains("\"Dedup\":{\"keys\":\"\",\"next\":0}", written, StringComparison.Ordinal);
        Assert.Contains("\"DedupSpilled\":101", written, StringComparison.Ordinal);
        Assert.NotNull(spilled);
        Assert.Equal(new IngestResult(0, 2), again);
    }

    [Fact]
    public async Task SkuState_WrittenBeforeTheHotColdSplit_MovesItsHistoryIntoTheDemandState()
    {
        var sku = Events.NewKey("sku");
        var grainId = GrainId.Create("sku", sku);
        fixture.Storage.Seed(StorageNames.SkuState, grainId, Fixture("sku-state-v1.json"));
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);

        var snapshot = await grain.GetAsync();
        var daily = await grain.GetDemandAsync(DemandGranularity.Day);
        // Key 42 was among the old state's recent event keys: a re-send is not counted again.
        await grain.ApplyEventsAsync([new SkuEvent(42, EventKind.Purchase, 1, null, Now)], []);
        var after = await grain.GetAsync();

        // What state of then called lost units were units sold beyond stock: oversold now, and no views out of stock.
        Assert.Equal((38, 1L, 0L), (snapshot!.Stock, snapshot.OversoldUnits, snapshot.LostUnits));
        Assert.Equal(new DemandCounts(Views: 1, Clicks: 0, Carts: 0, Purchases: 1, Units: 2, Revenue: 25m), snapshot.Totals);
        Assert.Equal([new DemandBucket(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), new DemandCounts(0, 0, 0, 1, 2, 25m))], daily.Buckets);
        Assert.Equal(38, after!.Stock);
        var hot = fixture.Storage.ReadJson(StorageNames.SkuState, grainId)!;
        Assert.DoesNotContain("\"Daily\"", hot, StringComparison.Ordinal);
        Assert.NotNull(fixture.Storage.Read(StorageNames.SkuDemandState, grainId));
    }

    [Fact]
    public async Task SkuDemandState_WrittenBeforeTheUnitHistory_RebuildsItFromTheDailyBuckets()
    {
        // sku-demand-v2.json is the cold state as 60f66b4 wrote it: daily buckets on 1, 4 and 5 November, no unit history.
        var sku = Events.NewKey("sku");
        var grainId = GrainId.Create("sku", sku);
        fixture.Storage.Seed(StorageNames.SkuState, grainId, BinaryData.FromString(
            """{"Catalog":{"Title":"Matte Lipstick","Category":"makeup","Brand":"acme","Price":12.50,"Cost":6.10,"Stock":40,"LeadTimeDays":7},"Stock":40,"UpdatedAt":"2026-11-05T12:00:00+00:00"}"""));
        fixture.Storage.Seed(StorageNames.SkuDemandState, grainId, Fixture("sku-demand-v2.json"));
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);

        // Key 42 is in the stored dedup window: only key 43 counts.
        await grain.ApplyEventsAsync([new SkuEvent(42, EventKind.Purchase, 9, null, Now), new SkuEvent(43, EventKind.Purchase, 1, null, Now)], []);
        var outlook = await grain.RefreshForecastAsync();

        var first = new DateOnly(2026, 11, 1);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var stored = System.Text.Json.JsonDocument.Parse(fixture.Storage.ReadJson(StorageNames.SkuDemandState, grainId)!).RootElement;
        var units = stored.GetProperty("UnitHistory").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(first, DateOnly.Parse(stored.GetProperty("UnitHistoryStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([3, 0, 0, 0, 2], units[..5]);
        Assert.Equal(today.DayNumber - first.DayNumber + 1, units.Length);
        Assert.Equal(1, units[^1]); // today's purchase of key 43
        Assert.Equal(today.DayNumber - first.DayNumber, outlook!.Forecast!.HistoryDays); // the closed days since 1 November
    }

    private static BinaryData Fixture(string name) =>
        BinaryData.FromBytes(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", name)));
}
