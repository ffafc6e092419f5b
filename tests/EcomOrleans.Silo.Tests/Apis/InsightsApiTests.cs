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

    /// <summary>Everything pending, at once (the background's pauses run on the engine's fake clock).</summary>
    private Task EmbedPendingAsync() => engine.Services.GetRequiredService<EcomOrleans.Grains.Catalog.CatalogTextIndex>().EmbedPendingAsync();
}
