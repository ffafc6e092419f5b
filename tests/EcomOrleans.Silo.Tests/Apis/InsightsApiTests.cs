using System.Net.Http.Json;
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
        Assert.Equal(new SearchQueryCount(query, 3, 2, at), entry);
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
}
