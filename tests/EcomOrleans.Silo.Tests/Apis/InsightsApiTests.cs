using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using EcomOrleans.Insights;
using EcomOrleans.Silo.Apis;

namespace EcomOrleans.Silo.Tests.Apis;

[Collection(EngineCollection.Name)]
public sealed class InsightsApiTests(EngineFactory engine)
{
    [Fact]
    public async Task DemandGaps_QueryCountedInTwoShards_IsReportedOnceWithSummedCounts()
    {
        // Counts recorded before the shards moved to StableHash can sit in another shard than the query's own.
        var query = $"legacy query {Guid.NewGuid():N}";
        var home = SearchDemandShards.KeyFor(query);
        var legacy = SearchDemandShards.AllKeys().First(k => k != home);
        var at = engine.Time.GetUtcNow();
        await engine.Grains.GetGrain<ISearchDemandGrain>(home).RecordSearchesAsync([new SearchObserved(query, null, at)]);
        await engine.Grains.GetGrain<ISearchDemandGrain>(legacy).RecordSearchesAsync(
            [new SearchObserved(query, "beauty-1", at.AddMinutes(-5)), new SearchObserved(query, null, at.AddMinutes(-4))]);

        var gaps = await engine.CreateWriter().GetFromJsonAsync<DemandGapsResponse>($"/api/insights/demand-gaps?count={InsightsApi.MaxCount}");

        var entry = Assert.Single(gaps!.Searches, s => s.Query == query);
        Assert.Equal((query, 3L, 2L, at), (entry.Query, entry.Searches, entry.WithoutItem, entry.LastSeen));
    }

    [SkippableFact]
    public async Task DemandGaps_ASearchThatFoundNothing_ListsTheSkusInStockMostLikeIt()
    {
        Skip.IfNot(File.Exists(Repository.PathOf("models", "intent", "manifest.json")), "models/intent is not there: train it first (docs/models.md).");
        var writer = engine.CreateWriter();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (serum, soldOut) = ($"serum-{tag}", $"serum-gone-{tag}");
        await writer.PutAsJsonAsync($"/api/skus/{serum}", new { title = $"Vitamin C Face Serum {tag}", category = "skincare", brand = "glow", price = 20m, cost = 8m, stock = 5, leadTimeDays = 7 });
        await writer.PutAsJsonAsync($"/api/skus/{soldOut}", new { title = $"Vitamin C Face Serum {tag} refill", category = "skincare", brand = "glow", price = 15m, cost = 6m, stock = 0, leadTimeDays = 7 });
        await EmbedPendingAsync();
        var query = $"vitamin c serum {tag}";
        await engine.Grains.GetGrain<ISearchDemandGrain>(SearchDemandShards.KeyFor(query)).RecordSearchesAsync([new SearchObserved(query, null, engine.Time.GetUtcNow())]);

        var gaps = await writer.GetFromJsonAsync<DemandGapsResponse>($"/api/insights/demand-gaps?count={InsightsApi.MaxCount}");

        var entry = Assert.Single(gaps!.Searches, s => s.Query == query);
        Assert.Equal(serum, entry.NearestSkus[0]);
        Assert.DoesNotContain(soldOut, entry.NearestSkus);
    }

    [Fact]
    public async Task DemandGaps_ACountThatIsNotAWholeNumber_NamesIt()
    {
        var response = await engine.CreateWriter().GetAsync("/api/insights/demand-gaps?count=abc");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            new Dictionary<string, string[]> { ["count"] = [$"'count' must be a whole number between 1 and {InsightsApi.MaxCount}; got 'abc'."] },
            await response.ReadErrorsAsync());
    }

    [Fact]
    public async Task DemandGaps_Categories_RankTheOneLosingUnitsToAStockOutFirst_WithItsSkus()
    {
        var writer = engine.CreateWriter();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (soldOutCategory, browsedCategory) = ($"gaps-lost-{tag}", $"gaps-browsed-{tag}");
        var (soldOut, browsed) = ($"gap-out-{tag}", $"gap-look-{tag}");
        await writer.PutAsJsonAsync($"/api/skus/{soldOut}", new { title = "t", category = soldOutCategory, brand = "b", price = 5m, cost = 2m, stock = 2, leadTimeDays = 7 });
        await writer.PutAsJsonAsync($"/api/skus/{browsed}", new { title = "t", category = browsedCategory, brand = "b", price = 5m, cost = 2m, stock = 50, leadTimeDays = 7 });
        var now = engine.Time.GetUtcNow();
        object View(string sku, int i) => Json.Event($"gv-{tag}-{sku}-{i}", $"u-gap-{tag}", "view", now, sku);

        // In stock: 4 views and a purchase of 2 (0.5 units a view), which empties it; then 6 views while out of stock.
        await writer.PostAsJsonAsync("/api/events", Json.Batch([.. Enumerable.Range(0, 4).Select(i => View(soldOut, i)),
            Json.Event($"gp-{tag}", $"u-gap-{tag}", "purchase", now, soldOut, quantity: 2)]));
        await writer.PostAsJsonAsync("/api/events", Json.Batch([.. Enumerable.Range(4, 6).Select(i => View(soldOut, i))]));
        // Viewed 12 times, never bought.
        await writer.PostAsJsonAsync("/api/events", Json.Batch([.. Enumerable.Range(0, 12).Select(i => View(browsed, i))]));
        // Reading the decisions reports the SKU's standing to its board and waits for it (ingest reports without waiting).
        foreach (var sku in new[] { soldOut, browsed })
        {
            (await writer.GetAsync($"/api/skus/{sku}/decisions")).EnsureSuccessStatusCode();
        }

        var one = await writer.GetFromJsonAsync<DemandGapsResponse>($"/api/insights/demand-gaps?category={soldOutCategory}");
        var all = await writer.GetFromJsonAsync<DemandGapsResponse>($"/api/insights/demand-gaps?count={InsightsApi.MaxCount}");

        var lost = Assert.Single(one!.Categories);
        // Lost: 6 out-of-stock views x 0.5 units a view = 3 units.
        Assert.Equal((soldOutCategory, 1, 10L, 1L, 2L, 3L, 0.1), (lost.Category, lost.Skus, lost.Views, lost.Purchases, lost.Units, lost.LostUnits, lost.Conversion));
        Assert.Equal([(soldOut, 3L, 0)], lost.LostToStockOuts.Select(s => (s.Sku, s.LostUnits, s.Stock)));
        Assert.Equal([(soldOut, 10L, (double?)10)], lost.ViewedNotBought.Select(s => (s.Sku, s.Views, s.ViewsPerPurchase)));
        var ranked = all!.Categories.Select(c => c.Category).ToList();
        Assert.True(ranked.IndexOf(soldOutCategory) is >= 0 and var l && ranked.IndexOf(browsedCategory) is var b && b > l, $"expected {soldOutCategory} before {browsedCategory} in {string.Join(", ", ranked)}");
        var browsedGaps = all.Categories.Single(c => c.Category == browsedCategory);
        Assert.Equal([(browsed, 12L, (double?)null)], browsedGaps.ViewedNotBought.Select(s => (s.Sku, s.Views, s.ViewsPerPurchase)));
        Assert.Empty(browsedGaps.LostToStockOuts);
    }

    [Fact]
    public async Task DemandGaps_ABlankCategory_NamesIt()
    {
        var response = await engine.CreateWriter().GetAsync("/api/insights/demand-gaps?category=%20");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            new Dictionary<string, string[]> { ["category"] = [$"'category' must be 1-{RecommendationsApi.MaxCategoryLength} characters and not blank."] },
            await response.ReadErrorsAsync());
    }

    /// <summary>Everything pending, at once (the background's pauses run on the engine's fake clock).</summary>
    private Task EmbedPendingAsync() => engine.Services.GetRequiredService<EcomOrleans.Grains.Catalog.CatalogTextIndex>().EmbedPendingAsync();
}
