using EcomOrleans.Events;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Tests.Skus;

[Collection(ClusterCollection.Name)]
public sealed class SkuGrainTests(ClusterFixture fixture)
{
    private static readonly SkuCatalog Lipstick = new("Lipstick", "makeup", "acme", 12.50m, 6m, 5, 7);

    private static DateTimeOffset Now => ClusterFixture.Time.GetUtcNow();

    [Fact]
    public async Task ApplyEvents_Purchase_DecrementsStockAndLandsInItsHourAndDay()
    {
        var sku = Events.NewKey("sku");
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);
        await grain.UpsertCatalogAsync(Lipstick);
        var boughtAt = Now;
        var hour = new DateTimeOffset(boughtAt.Year, boughtAt.Month, boughtAt.Day, boughtAt.Hour, 0, 0, TimeSpan.Zero);

        await grain.ApplyEventsAsync([SkuEvent.Of(Events.Of("u-1", EventKind.Purchase, boughtAt, sku, quantity: 2, price: 11m))], []);

        var snapshot = await grain.GetAsync();
        var hourly = await grain.GetDemandAsync(DemandGranularity.Hour);
        var daily = await grain.GetDemandAsync(DemandGranularity.Day);
        Assert.Equal(3, snapshot!.Stock);
        var expected = new DemandCounts(Views: 0, Clicks: 0, Carts: 0, Purchases: 1, Units: 2, Revenue: 22m);
        Assert.Equal(new DemandBucket(hour, expected), Assert.Single(hourly.Buckets));
        Assert.Equal(new DemandBucket(hour.AddHours(-hour.Hour), expected), Assert.Single(daily.Buckets));
        Assert.Equal(expected, snapshot.Totals);
    }

    [Fact]
    public async Task ApplyEvents_EventsInDifferentHours_KeepSeparateBucketsInOrder()
    {
        var sku = Events.NewKey("sku");
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);
        var later = Now;
        var earlier = Now.AddHours(-3);

        await grain.ApplyEventsAsync([SkuEvent.Of(Events.Of("u-1", EventKind.View, later, sku)), SkuEvent.Of(Events.Of("u-1", EventKind.Click, earlier, sku))], []);

        var hourly = await grain.GetDemandAsync(DemandGranularity.Hour);
        Assert.Equal(2, hourly.Buckets.Count);
        Assert.True(hourly.Buckets[0].Start < hourly.Buckets[1].Start);
        Assert.Equal((0L, 1L), (hourly.Buckets[0].Counts.Views, hourly.Buckets[0].Counts.Clicks));
        Assert.Equal((1L, 0L), (hourly.Buckets[1].Counts.Views, hourly.Buckets[1].Counts.Clicks));
    }

    [Fact]
    public async Task ApplyEvents_PurchaseBeyondStock_IsASaleAndTheExcessIsOversoldNotLost()
    {
        var sku = Events.NewKey("sku");
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);
        await grain.UpsertCatalogAsync(Lipstick with { Stock = 38 });

        await grain.ApplyEventsAsync([SkuEvent.Of(Events.Of("u-1", EventKind.Purchase, Now, sku, quantity: 1000))], []);

        // The storefront sold 1,000: all are units sold; 962 more than the engine's 38 in stock, and no demand lost.
        var snapshot = await grain.GetAsync();
        Assert.Equal((0, 1000L, 962L, 0L, false), (snapshot!.Stock, snapshot.Totals.Units, snapshot.OversoldUnits, snapshot.LostUnits, snapshot.InStock));
        // Revenue is counted at the catalog price when the event carries none.
        Assert.Equal(12_500m, snapshot.Totals.Revenue);
    }

    [Fact]
    public async Task ApplyEvents_ViewsWhileOutOfStock_EstimateLostUnitsFromTheInStockConversion()
    {
        var sku = Events.NewKey("sku");
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);
        await grain.UpsertCatalogAsync(Lipstick);
        // In stock: 10 views and one purchase of 5 units (the last 5 in stock): 0.5 units per view.
        await grain.ApplyEventsAsync([.. Enumerable.Range(0, 10).Select(_ => SkuEvent.Of(Events.Of("u-1", EventKind.View, Now, sku)))], []);
        await grain.ApplyEventsAsync([SkuEvent.Of(Events.Of("u-1", EventKind.Purchase, Now, sku, quantity: 5))], []);

        // Out of stock: 7 views, so 7 x 0.5 = 3.5 units lost, rounded to 4.
        await grain.ApplyEventsAsync([.. Enumerable.Range(0, 7).Select(_ => SkuEvent.Of(Events.Of("u-2", EventKind.View, Now, sku)))], []);

        var snapshot = await grain.GetAsync();
        Assert.Equal((0, 17L, 7L, 4L, 0L), (snapshot!.Stock, snapshot.Totals.Views, snapshot.Totals.OutOfStockViews, snapshot.LostUnits, snapshot.OversoldUnits));
    }

    [Fact]
    public async Task ApplyEvents_SameEventTwice_CountsItOnce()
    {
        var sku = Events.NewKey("sku");
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);
        await grain.UpsertCatalogAsync(Lipstick);
        var purchase = Events.Of("u-1", EventKind.Purchase, Now, sku, quantity: 1);

        await grain.ApplyEventsAsync([SkuEvent.Of(purchase)], []);
        await grain.ApplyEventsAsync([SkuEvent.Of(purchase)], []);

        var snapshot = await grain.GetAsync();
        Assert.Equal((4, 1L), (snapshot!.Stock, snapshot.Totals.Purchases));
    }

    [Fact]
    public async Task HourlyBuckets_OlderThanRetention_AreDroppedButDaysKept()
    {
        var sku = Events.NewKey("sku");
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);
        await grain.ApplyEventsAsync([SkuEvent.Of(Events.Of("u-1", EventKind.View, Now, sku))], []);

        ClusterFixture.Time.Advance(TimeSpan.FromDays(8));

        Assert.Empty((await grain.GetDemandAsync(DemandGranularity.Hour)).Buckets);
        Assert.Single((await grain.GetDemandAsync(DemandGranularity.Day)).Buckets);
    }

    [Fact]
    public async Task UpsertCatalog_SetsStockOnHand_AndGetReturnsIt()
    {
        var sku = Events.NewKey("sku");
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);

        Assert.Null(await grain.GetAsync());
        await grain.UpsertCatalogAsync(Lipstick);
        await grain.ApplyEventsAsync([SkuEvent.Of(Events.Of("u-1", EventKind.Purchase, Now, sku, quantity: 5))], []);
        var restocked = await grain.UpsertCatalogAsync(Lipstick with { Stock = 40 });

        Assert.Equal(40, restocked.Stock);
        Assert.Equal(Lipstick with { Stock = 40 }, restocked.Catalog);
    }
}
