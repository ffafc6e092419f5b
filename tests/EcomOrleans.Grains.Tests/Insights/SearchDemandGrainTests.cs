using EcomOrleans.Insights;

namespace EcomOrleans.Grains.Tests.Insights;

[Collection(ClusterCollection.Name)]
public sealed class SearchDemandGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RecordSearches_CountsPerQuery_AndThoseWithoutItem()
    {
        var grain = fixture.Grains.GetGrain<ISearchDemandGrain>(Events.NewKey("test-shard"));
        var at = ClusterFixture.Time.GetUtcNow();

        await grain.RecordSearchesAsync(
        [
            new SearchObserved("red lipstick", null, at),
            new SearchObserved("red lipstick", "sku-9", at.AddMinutes(1)),
            new SearchObserved("vegan shampoo", null, at),
        ]);

        var top = await grain.GetTopAsync(10);
        Assert.Equal(
            [new SearchQueryCount("red lipstick", 2, 1, at.AddMinutes(1)), new SearchQueryCount("vegan shampoo", 1, 1, at)],
            top);
    }

    [Fact]
    public void KeyFor_SameQuery_AlwaysSameShard()
    {
        // StableHash (64-bit FNV-1a) of "red lipstick" modulo 8: stable across processes, unlike string.GetHashCode.
        var key = SearchDemandShards.KeyFor("red lipstick");

        Assert.Equal("shard-3", key);
        Assert.Equal($"shard-{StableHash.Of("red lipstick") % SearchDemandShards.Count}", key);
        Assert.Contains(key, SearchDemandShards.AllKeys());
        Assert.Equal(SearchDemandShards.Count, SearchDemandShards.AllKeys().Distinct().Count());
    }
}
