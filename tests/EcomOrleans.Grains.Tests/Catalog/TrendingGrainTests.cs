using EcomOrleans.Catalog;

namespace EcomOrleans.Grains.Tests.Catalog;

[Collection(ClusterCollection.Name)]
public sealed class TrendingGrainTests(ClusterFixture fixture)
{
    private static DateTimeOffset Now => ClusterFixture.Time.GetUtcNow();

    [Fact]
    public async Task Rankings_OrderByDecayedDemandAndByUnits_WithinTheCategory()
    {
        var category = Events.NewKey("c");
        var grain = fixture.Grains.GetGrain<ITrendingGrain>(ITrendingGrain.KeyOf(category));
        await grain.ReportAsync(new SkuDemandReport("a", category, TrendingScore: 8, AsOf: Now.AddHours(-1), Units: 1));
        await grain.ReportAsync(new SkuDemandReport("b", category, TrendingScore: 5, AsOf: Now, Units: 9));
        await fixture.Grains.GetGrain<ITrendingGrain>(ITrendingGrain.KeyOf(Events.NewKey("c"))).ReportAsync(new SkuDemandReport("x", "other", TrendingScore: 50, AsOf: Now, Units: 50));

        var trending = await grain.GetTrendingAsync(10);
        var popular = await grain.GetPopularAsync(10);

        // a's 8 is an hour old: with the 1-hour half-life it counts 4 now, under b's 5.
        Assert.Equal([new RankedSku("b", 5), new RankedSku("a", 4)], trending);
        Assert.Equal([new RankedSku("b", 9), new RankedSku("a", 1)], popular);
    }

    [Fact]
    public async Task Ranking_IsWrittenAtDeactivation_AndReadBackOnReactivation()
    {
        var key = ITrendingGrain.KeyOf(Events.NewKey("c"));
        await fixture.Grains.GetGrain<ITrendingGrain>(key).ReportAsync(new SkuDemandReport("kept", null, 3, Now, 2));

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal([new RankedSku("kept", 2)], await fixture.Grains.GetGrain<ITrendingGrain>(key).GetPopularAsync(5));
    }

    [Fact]
    public async Task StoredRankings_KeepNoCategoryText_ACategorysNoneAndTheCatalogWideOneATag()
    {
        var category = "skin care " + new string('中', 150) + Events.NewKey("c");
        var grain = fixture.Grains.GetGrain<ITrendingGrain>(ITrendingGrain.KeyOf(category));
        var all = fixture.Grains.GetGrain<ITrendingGrain>(ITrendingGrain.AllCategories);
        await grain.ReportAsync(new SkuDemandReport("tagged", category, 3, Now, 2));
        await all.MergeAsync(category, [new SkuDemandReport("tagged", category, 3, Now, 2)]);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var stored = fixture.Storage.ReadJson("trending", grain.GetGrainId())!;
        var storedAll = fixture.Storage.ReadJson("trending", all.GetGrainId())!;
        Assert.DoesNotContain("skin care", stored, StringComparison.Ordinal);
        Assert.Contains("\"tagged\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("skin care", storedAll, StringComparison.Ordinal);
        Assert.Contains($"\"{StableHash.Of(category):x16}\"", storedAll, StringComparison.Ordinal);
        // Read back, both still rank it.
        Assert.Equal([new RankedSku("tagged", 2)], await grain.GetPopularAsync(5));
        Assert.Contains(new RankedSku("tagged", 2), await all.GetPopularAsync(1_000));
    }
}
