using EcomOrleans.Inference.Intent;

namespace EcomOrleans.Inference.Tests.Intent;

public sealed class QueryEmbeddingCacheTests
{
    private readonly List<string> _runs = [];

    [Fact]
    public async Task GetOrAdd_SameTextAndVersion_RunsTheModelOnceAndReturnsItsVector()
    {
        var cache = new QueryEmbeddingCache(10);

        var first = await cache.GetOrAdd("sunscreen", "1", Embed, out var firstHit);
        var second = await cache.GetOrAdd("sunscreen", "1", Embed, out var secondHit);

        Assert.Equal((false, true), (firstHit, secondHit));
        Assert.Equal(["sunscreen"], _runs);
        Assert.Same(first, second);
        Assert.Equal(VectorOf("sunscreen"), second);
    }

    [Theory]
    [InlineData("sunscreen", "2")] // another model version
    [InlineData("Sunscreen", "1")] // texts differing in case are kept apart
    public async Task GetOrAdd_AnotherVersionOrText_RunsTheModelAgain(string text, string version)
    {
        var cache = new QueryEmbeddingCache(10);
        await cache.GetOrAdd("sunscreen", "1", Embed, out _);

        await cache.GetOrAdd(text, version, Embed, out var hit);

        Assert.False(hit);
        Assert.Equal(["sunscreen", text], _runs);
    }

    [Fact]
    public async Task GetOrAdd_ConcurrentLookupsWhileTheRunIsPending_ShareIt()
    {
        var cache = new QueryEmbeddingCache(10);
        var pending = new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;

        var first = cache.GetOrAdd("boots", "1", _ => { runs++; return pending.Task; }, out _);
        var second = cache.GetOrAdd("boots", "1", _ => { runs++; return pending.Task; }, out var hit);
        pending.SetResult(VectorOf("boots"));

        Assert.Equal((1, true), (runs, hit));
        Assert.Same(await first, await second);
    }

    [Fact]
    public async Task GetOrAdd_RunFailedOrRefused_IsNotKept()
    {
        var cache = new QueryEmbeddingCache(10);
        var refused = cache.GetOrAdd("boots", "1", _ => Task.FromException<float[]>(new InferenceOverloadedException("text", InferencePriority.Background, "The queue is full.")), out _);
        var failing = new TaskCompletionSource<float[]>();
        var later = cache.GetOrAdd("kettle", "1", _ => failing.Task, out _);
        failing.SetException(new InvalidOperationException("run failed"));

        await Assert.ThrowsAsync<InferenceOverloadedException>(() => refused);
        await Assert.ThrowsAsync<InvalidOperationException>(() => later);
        var boots = await cache.GetOrAdd("boots", "1", Embed, out var bootsHit);
        var kettle = await cache.GetOrAdd("kettle", "1", Embed, out var kettleHit);

        Assert.Equal((false, false), (bootsHit, kettleHit));
        Assert.Equal(VectorOf("boots"), boots);
        Assert.Equal(VectorOf("kettle"), kettle);
    }

    [Fact]
    public async Task GetOrAdd_PastCapacity_KeepsAtMostCapacityAndTheQueriesAskedAgain()
    {
        var cache = new QueryEmbeddingCache(4);
        await cache.GetOrAdd("hot", "1", Embed, out _);
        for (var i = 0; i < 20; i++)
        {
            await cache.GetOrAdd($"cold-{i}", "1", Embed, out _);
            await cache.GetOrAdd("hot", "1", Embed, out var hit);
            Assert.True(hit, $"hot was dropped after cold-{i}");
            Assert.InRange(cache.Count, 1, 4);
        }

        // cold-19 and cold-18 are the two most recent; older ones are gone.
        await cache.GetOrAdd("cold-19", "1", Embed, out var recent);
        await cache.GetOrAdd("cold-0", "1", Embed, out var old);
        Assert.Equal((true, false), (recent, old));
        Assert.Equal(22, _runs.Count);
    }

    [Fact]
    public async Task GetOrAdd_CapacityOne_KeepsOnlyTheLastQuery()
    {
        var cache = new QueryEmbeddingCache(1);
        await cache.GetOrAdd("a", "1", Embed, out _);
        await cache.GetOrAdd("b", "1", Embed, out _);

        await cache.GetOrAdd("b", "1", Embed, out var last);
        await cache.GetOrAdd("a", "1", Embed, out var earlier);

        Assert.Equal((true, false, 1), (last, earlier, cache.Count));
    }

    [Fact]
    public async Task GetOrAdd_CapacityZero_KeepsNothing()
    {
        var cache = new QueryEmbeddingCache(0);
        await cache.GetOrAdd("sunscreen", "1", Embed, out _);

        await cache.GetOrAdd("sunscreen", "1", Embed, out var hit);

        Assert.Equal((false, 0, 2), (hit, cache.Count, _runs.Count));
    }

    [Fact]
    public void Constructor_NegativeCapacity_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new QueryEmbeddingCache(-1));

        Assert.Equal("capacity", error.ParamName);
    }

    private Task<float[]> Embed(string text)
    {
        _runs.Add(text);
        return Task.FromResult(VectorOf(text));
    }

    private static float[] VectorOf(string text) => [text.Length, text[0]];
}
