using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EcomOrleans.Silo.Tests.Apis;

/// <summary>Recommendations with the committed sequence model (models/sequence), end to end over HTTP.</summary>
[Collection(EngineCollection.Name)]
public sealed class PersonalizedRecommendationsTests(EngineFactory engine)
{
    [SkippableFact]
    public async Task Recommendations_AfterAPurchase_ChangeAndNeverShowBoughtOrOutOfStockItems()
    {
        Skip.IfNot(File.Exists(Repository.PathOf("models", "sequence", "manifest.json")), "models/sequence is not there: train it first (docs/models.md).");
        var writer = engine.CreateWriter();
        var category = $"model-{Guid.NewGuid():N}";
        // 40 SKUs the model knows, in one category of their own; every fourth is sold out.
        var skus = Enumerable.Range(1, 40).Select(i => $"beauty-{i * 7}").ToList();
        var soldOut = skus.Where((_, i) => i % 4 == 3).ToHashSet();
        foreach (var sku in skus)
        {
            await writer.PutAsJsonAsync($"/api/skus/{sku}", new { title = sku, category, brand = "b", price = 10m, cost = 4m, stock = soldOut.Contains(sku) ? 0 : 50, leadTimeDays = 3 });
        }

        var user = $"u-{Guid.NewGuid():N}";
        var now = engine.Time.GetUtcNow();
        await writer.PostAsJsonAsync("/api/events", Json.Batch(
            Json.Event("v1", user, "view", now.AddMinutes(-3), "beauty-12"),
            Json.Event("v2", user, "view", now.AddMinutes(-2), "beauty-30"),
            Json.Event("v3", user, "view", now.AddMinutes(-1), "beauty-77")));
        var url = $"/api/users/{user}/recommendations?count=10&category={category}";

        var before = await writer.GetFromJsonAsync<JsonObject>(url, Json.Web);
        var top = (string)before!["items"]![0]!["sku"]!;
        var purchase = await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("p1", user, "purchase", now, top, quantity: 1)));
        var after = await writer.GetFromJsonAsync<JsonObject>(url, Json.Web);

        Assert.Equal("""{"accepted":1,"duplicates":0}""", await purchase.Content.ReadAsStringAsync());
        var beforeItems = Items(before);
        var afterItems = Items(after!);
        Assert.NotEqual("none", (string?)before["modelVersion"]);
        Assert.All(beforeItems.Concat(afterItems), i => Assert.Equal("personalized", i.Reason));
        Assert.Equal(10, afterItems.Count);
        Assert.DoesNotContain(top, afterItems.Select(i => i.Sku));
        Assert.DoesNotContain(beforeItems.Concat(afterItems), i => soldOut.Contains(i.Sku));
        Assert.All(afterItems, i => Assert.Contains(i.Sku, skus));
        Assert.Equal(afterItems.OrderByDescending(i => i.Score).Select(i => i.Sku), afterItems.Select(i => i.Sku));
    }

    private static List<(string Sku, float Score, string Reason)> Items(JsonObject recommendation) =>
        recommendation["items"]!.AsArray().Select(i => ((string)i!["sku"]!, (float)i["score"]!, (string)i["reason"]!)).ToList();
}
