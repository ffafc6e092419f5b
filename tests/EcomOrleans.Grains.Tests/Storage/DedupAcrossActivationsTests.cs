using EcomOrleans.Events;
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
}
