namespace EcomOrleans.Inference.Tests.Grains;

[Collection(InferenceClusterCollection.Name)]
public sealed class InferenceGrainTests(InferenceClusterFixture fixture)
{
    private IInferenceGrain Grain => fixture.Grains.GetGrain<IInferenceGrain>(0);

    [Fact]
    public async Task EmbedSequenceAsync_KnownSkus_ReturnsTheModelsEmbeddingAndVersion()
    {
        var embedding = await Grain.EmbedSequenceAsync(["fixture-1", "nope", "fixture-5", "fixture-6"], InferencePriority.Storefront);

        Assert.Equal((8, "1", 3), (embedding.Vector.Length, embedding.ModelVersion, embedding.KnownItems));
        Assert.Contains(embedding.Vector, v => v != 0);
    }

    [Fact]
    public async Task TopItemsAsync_UserEmbedding_ReturnsCountBestFirstWithoutExcluded()
    {
        var embedding = await Grain.EmbedSequenceAsync(["fixture-1", "fixture-2", "fixture-3"], InferencePriority.Storefront);

        var top = await Grain.TopItemsAsync(embedding.Vector, 10, ["fixture-1", "fixture-2", "fixture-3"]);

        Assert.Equal(10, top.Length);
        Assert.DoesNotContain(top, t => t.Sku is "fixture-1" or "fixture-2" or "fixture-3");
        Assert.Equal(top.OrderByDescending(t => t.Score).Select(t => t.Sku), top.Select(t => t.Sku));
        var rescored = await Grain.ScoreItemsAsync(embedding.Vector, [.. top.Select(t => t.Sku)]);
        Assert.Equal<ScoredSku>(top, rescored);
    }

    [Fact]
    public async Task ManyConcurrentCalls_ThroughThePool_EachGetsItsOwnAnswer()
    {
        var sequences = Enumerable.Range(0, 48).Select(i => new[] { $"fixture-{(i % 24) + 1}", $"fixture-{((i * 5) % 24) + 1}" }).ToArray();

        var pooled = await Task.WhenAll(sequences.Select(s => Grain.EmbedSequenceAsync(s, InferencePriority.Storefront)));
        var oneByOne = new List<SequenceEmbedding>();
        foreach (var sequence in sequences)
        {
            oneByOne.Add(await Grain.EmbedSequenceAsync(sequence, InferencePriority.Storefront));
        }

        Assert.All(pooled.Zip(oneByOne), p => Assert.All(p.First.Vector.Zip(p.Second.Vector), v => Assert.Equal(v.Second, v.First, 1e-5f)));
    }

    [Fact]
    public async Task ClassifyIntentAsync_AMessage_ReturnsEveryIntentMostLikelyFirst()
    {
        var prediction = await Grain.ClassifyIntentAsync("I want my money back", InferencePriority.Bot);

        Assert.Equal((27, "1"), (prediction.Intents.Count, prediction.ModelVersion));
        Assert.Equal(prediction.Intents.OrderByDescending(i => i.Probability), prediction.Intents);
    }

    [Fact]
    public async Task ForecastDemandAsync_AHistory_ReturnsFourteenDays()
    {
        var history = new DemandHistory("FOODS_3_001", new DateOnly(2026, 3, 1), [.. Enumerable.Repeat(3f, 60)], [.. Enumerable.Repeat(2.5f, 60)]);

        var forecast = await Grain.ForecastDemandAsync(history, InferencePriority.Background);

        Assert.Equal(("FOODS_3_001", new DateOnly(2026, 4, 30), 14, 14), (forecast.Sku, forecast.FirstDay, forecast.P50.Length, forecast.P90.Length));
    }
}
