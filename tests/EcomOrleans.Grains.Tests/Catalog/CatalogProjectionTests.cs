using EcomOrleans.Catalog;
using EcomOrleans.Events;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Tests.Recommendations;
using EcomOrleans.Recommendations;
using EcomOrleans.Skus;
using EcomOrleans.Users;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOrleans.Grains.Tests.Catalog;

[Collection(ClusterCollection.Name)]
public sealed class CatalogProjectionTests(ClusterFixture fixture)
{
    private static DateTimeOffset Now => ClusterFixture.Time.GetUtcNow();

    private CatalogProjection Projection => fixture.Silo.GetRequiredService<CatalogProjection>();

    [Fact]
    public async Task SkuWhoseStockReachedZero_IsNotServedOnceThePurchaseIsAcknowledged_AndIsServedAgainWhenRestocked()
    {
        var (last, other) = (Events.NewKey("last"), Events.NewKey("other"));
        var category = Events.NewKey("c");
        FakeInferenceGrain.Catalog = new() { [last] = [1f, 0, 0, 0], [other] = [0.5f, 0, 0, 0] };
        await fixture.Grains.GetGrain<ISkuGrain>(last).UpsertCatalogAsync(new SkuCatalog("Last one", category, "acme", 10m, 4m, 1, 7));
        await fixture.Grains.GetGrain<ISkuGrain>(other).UpsertCatalogAsync(new SkuCatalog("Other", category, "acme", 10m, 4m, 9, 7));
        var (shopper, buyer) = (Events.NewKey("u"), Events.NewKey("u"));
        await fixture.Grains.GetGrain<IUserGrain>(shopper).RecordEventsAsync([Events.Of(shopper, EventKind.View, Now, other)]);
        var before = await RecommendAsync(shopper);

        await fixture.Grains.GetGrain<IUserGrain>(buyer).RecordEventsAsync([Events.Of(buyer, EventKind.Purchase, Now, last)]);
        var soldOut = await RecommendAsync(shopper);
        await fixture.Grains.GetGrain<ISkuGrain>(last).UpsertCatalogAsync(new SkuCatalog("Last one", category, "acme", 10m, 4m, 3, 7));
        var restocked = await RecommendAsync(shopper);

        Assert.Equal([last, other], before);
        // The purchase's acknowledgement came after the read model heard of the stock-out: no window to serve it.
        Assert.Equal([other], soldOut);
        Assert.Equal([last, other], restocked);
    }

    [Fact]
    public async Task PricePercentile_AmongTheCategorysOtherPrices_CountsTiesHalf_AndFollowsAPriceChange()
    {
        var category = Events.NewKey("c");
        var skus = new[] { (Events.NewKey("p"), 1m), (Events.NewKey("p"), 2m), (Events.NewKey("p"), 2m), (Events.NewKey("p"), 4m) };
        foreach (var (sku, price) in skus)
        {
            await fixture.Grains.GetGrain<ISkuGrain>(sku).UpsertCatalogAsync(new SkuCatalog("T", category, "acme", price, 0.5m, 5, 7));
        }

        // 1, 2, 2, 4, each against the three others: 1 has none below (0); each 2 has one below and one other at its
        // price (1 + 0.5) / 3; 4 has all three below (1).
        Assert.Equal([0, 0.5, 0.5, 1], skus.Select(s => Projection.PricePercentile(s.Item1)));
        await fixture.Grains.GetGrain<ISkuGrain>(skus[0].Item1).UpsertCatalogAsync(new SkuCatalog("T", category, "acme", 5m, 0.5m, 5, 7));
        // 2, 2, 4, 5: 5 is the dearest now, and 4 has two of the three others below it.
        Assert.Equal(1, Projection.PricePercentile(skus[0].Item1));
        Assert.Equal(2.0 / 3, Projection.PricePercentile(skus[3].Item1));
    }

    [Fact]
    public async Task PricePercentile_ACategoryOfTwoPricedSkus_IsNull()
    {
        var category = Events.NewKey("c");
        var (a, b) = (Events.NewKey("p"), Events.NewKey("p"));
        await fixture.Grains.GetGrain<ISkuGrain>(a).UpsertCatalogAsync(new SkuCatalog("T", category, "acme", 1m, 0.5m, 5, 7));
        await fixture.Grains.GetGrain<ISkuGrain>(b).UpsertCatalogAsync(new SkuCatalog("T", category, "acme", 3m, 0.5m, 5, 7));

        Assert.Null(Projection.PricePercentile(a));
        Assert.Null(Projection.PricePercentile(Events.NewKey("unknown")));
    }

    [Fact]
    public async Task Listing_CategoryChange_MovesTheSkuBetweenCategories()
    {
        var sku = Events.NewKey("sku");
        var (from, to) = (Events.NewKey("c"), Events.NewKey("c"));
        await fixture.Grains.GetGrain<ISkuGrain>(sku).UpsertCatalogAsync(new SkuCatalog("T", from, "acme", 10m, 4m, 2, 7));

        await fixture.Grains.GetGrain<ISkuGrain>(sku).UpsertCatalogAsync(new SkuCatalog("T", to, "acme", 10m, 4m, 2, 7));

        Assert.Empty(Projection.SkusIn(from));
        Assert.Equal([sku], Projection.SkusIn(to));
        Assert.True(Projection.CanRecommend(sku, to));
        Assert.False(Projection.CanRecommend(sku, from));
    }

    [Fact]
    public void Apply_OlderVersionAfterNewer_IsIgnored()
    {
        var sku = Events.NewKey("sku");
        Projection.Apply(new SkuListing(sku, "c", InStock: false, Version: 5));

        Projection.Apply(new SkuListing(sku, "c", InStock: true, Version: 4));

        Assert.Equal(new SkuListing(sku, "c", false, 5), Projection.Find(sku));
    }

    private async Task<List<string>> RecommendAsync(string user) =>
        [.. (await fixture.Grains.GetGrain<IUserGrain>(user).RecommendAsync(new RecommendationRequest(5, null, null))).Items
            .Where(i => i.Reason == RecommendationReasons.Personalized).Select(i => i.Sku)];
}
