using System.Net;
using System.Net.Http.Json;
using EcomOrleans.Catalog;

namespace EcomOrleans.Silo.Tests.Apis;

[Collection(EngineCollection.Name)]
public sealed class RecommendationsApiTests(EngineFactory engine)
{
    [Fact]
    public async Task GetRecommendations_ColdStart_ServesInStockItemsOfTheCategoryWithReasons()
    {
        var writer = engine.CreateWriter();
        var category = $"cat-{Guid.NewGuid():N}";
        var hot = $"hot-{Guid.NewGuid():N}"[..20];
        var gone = $"gone-{Guid.NewGuid():N}"[..20];
        foreach (var (sku, stock) in new[] { (hot, 5), (gone, 1) })
        {
            await writer.PutAsJsonAsync($"/api/skus/{sku}", new { title = sku, category, brand = "acme", price = 10m, cost = 4m, stock, leadTimeDays = 3 });
        }

        var now = engine.Time.GetUtcNow();
        var buyer = $"u-{Guid.NewGuid():N}";
        // `gone` sells its last unit and must never be recommended, however hot it is.
        await writer.PostAsJsonAsync("/api/events", Json.Batch(
            Json.Event("e1", buyer, "view", now, hot),
            Json.Event("e2", buyer, "purchase", now, gone, quantity: 1),
            Json.Event("e3", buyer, "view", now, gone)));
        // SKU grains report demand to their category's ranking without waiting, so nothing tells a test when it has
        // landed: report what they would have, decayed score 1 (a view now) for both, so the ranking is known here.
        var ranking = engine.Grains.GetGrain<ITrendingGrain>(ITrendingGrain.KeyOf(category));
        await ranking.ReportAsync(new SkuDemandReport(hot, category, 1, now, 0));
        await ranking.ReportAsync(new SkuDemandReport(gone, category, 5, now, 1));

        var response = await writer.GetAsync($"/api/users/u-new-{Guid.NewGuid():N}/recommendations?count=5&category={category}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.StartsWith("rec-", (string?)body["recommendationId"]);
        Assert.Equal("none", (string?)body["modelVersion"]);
        var item = Assert.Single(body["items"]!.AsArray());
        Assert.Equal((hot, "trending", 1f), ((string?)item!["sku"], (string?)item["reason"], (float)item["score"]!));
    }

    [Fact]
    public async Task GetRecommendations_BadParameters_NamesEachOne()
    {
        var response = await engine.CreateWriter().GetAsync("/api/users/u-1/recommendations?count=0&sessionId=bad%20id&category=%20");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["count"] = ["'count' must be a whole number between 1 and 100; got '0'."],
                ["sessionId"] = ["'sessionId' must be 1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit."],
                ["category"] = ["'category' must be 1-200 characters and not blank."],
            },
            await response.ReadErrorsAsync());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("-3")]
    [InlineData("99999999999")]
    public async Task GetRecommendations_ACountThatIsNotAWholeNumber_NamesIt(string count)
    {
        var response = await engine.CreateWriter().GetAsync($"/api/users/u-1/recommendations?count={count}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            new Dictionary<string, string[]> { ["count"] = [$"'count' must be a whole number between 1 and 100; got '{count}'."] },
            await response.ReadErrorsAsync());
    }
}
