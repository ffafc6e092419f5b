using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Inference;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOrleans.Silo.Tests.Apis;

/// <summary>Search intent over HTTP with the committed intent model's sentence encoder matching searches to the catalog.</summary>
[Collection(EngineCollection.Name)]
public sealed class SearchIntentApiTests(EngineFactory engine)
{
    [SkippableFact]
    public async Task ASearchThenARecommendation_ReturnsWhatMatchesTheSearchFirst()
    {
        Skip.IfNot(File.Exists(Repository.PathOf("models", "intent", "manifest.json")), "models/intent is not there: train it first (docs/models.md).");
        var writer = engine.CreateWriter();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (lipstick, boots, kettle) = ($"lipstick-{tag}", $"boots-{tag}", $"kettle-{tag}");
        await Put(writer, lipstick, "Matte Red Lipstick, long lasting", "makeup", "acme");
        await Put(writer, boots, "Waterproof Hiking Boots", "shoes", "trailco");
        await Put(writer, kettle, "Electric Kettle 1.7 l", "kitchen", "homely");
        await EmbedPendingAsync();
        var user = $"u-{tag}";
        var now = engine.Time.GetUtcNow();

        await writer.PostAsJsonAsync("/api/events", Json.Batch(
            Json.Event($"e1-{tag}", user, "view", now, sku: boots),
            Json.Event($"e2-{tag}", user, "search", now, sku: null, query: "red lipstick")));
        var body = await (await writer.GetAsync($"/api/users/{user}/recommendations?count=3&sessionId=s-1")).ReadObjectAsync();

        var first = body["items"]!.AsArray()[0]!;
        Assert.Equal((lipstick, "search"), ((string?)first["sku"], (string?)first["reason"]));
        Assert.True((double)first["score"]! >= 0.35, $"similarity {first["score"]}");
    }

    [SkippableFact]
    public async Task EmbedQueries_SameQueryTwice_RunsTheEncoderOnceAndAnswersWhatItAnswers()
    {
        Skip.IfNot(File.Exists(Repository.PathOf("models", "intent", "manifest.json")), "models/intent is not there: train it first (docs/models.md).");
        var encoder = engine.Services.GetRequiredService<EcomOrleans.Inference.Intent.TextEncoder>();
        var inference = engine.Grains.GetGrain<IInferenceGrain>(0);
        var query = $"waterproof boots {Guid.NewGuid():N}";
        var before = encoder.CachedQueries;

        var first = (await inference.EmbedQueriesAsync([query], InferencePriority.Storefront))[0];
        var kept = encoder.CachedQueries;
        var again = (await inference.EmbedQueriesAsync([query], InferencePriority.Storefront))[0];
        var uncached = (await inference.EmbedTextAsync([query], InferencePriority.Storefront))[0];

        Assert.Equal((before + 1, before + 1), (kept, encoder.CachedQueries));
        Assert.Equal(uncached, first);
        Assert.Equal(uncached, again);
    }

    private static async Task Put(HttpClient writer, string sku, string title, string category, string brand)
    {
        var response = await writer.PutAsJsonAsync($"/api/skus/{sku}", new { title, category, brand, price = 10m, cost = 4m, stock = 5, leadTimeDays = 7 });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Everything pending, at once (the background's pauses run on the engine's fake clock).</summary>
    private Task EmbedPendingAsync() => engine.Services.GetRequiredService<EcomOrleans.Grains.Catalog.CatalogTextIndex>().EmbedPendingAsync();
}
