using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EcomOrleans.Silo.Tests.Apis;

/// <summary>Decisions, price acceptance and the leaderboard through the HTTP API.</summary>
[Collection(EngineCollection.Name)]
public sealed class SkuMerchandisingApiTests(EngineFactory engine)
{
    /// <summary>
    /// 60 days at 9 or 11 (a week each) selling 100 × (price / 10)^-2 units a day: elasticity -1.96 with a tight
    /// interval; at price 10, cost 4 and 14,000 units of cover the decisions suggest a 10 % markdown, to 9.00.
    /// </summary>
    private async Task<(HttpClient Writer, string Sku, string SuggestionId)> SkuWithASuggestionAsync()
    {
        var writer = engine.CreateWriter();
        var sku = $"mer-{Guid.NewGuid():N}"[..20];
        var now = engine.Time.GetUtcNow();
        await writer.PutAsJsonAsync($"/api/skus/{sku}", new { title = "Juice", category = $"mer-cat-{sku}", brand = "b", price = 10m, cost = 4m, stock = 20_000, leadTimeDays = 7 });
        var events = Enumerable.Range(1, 60).Select(d =>
        {
            var price = (d / 7) % 2 == 0 ? 9m : 11m;
            return Json.Event($"{sku}-{d}", $"u-{sku}", "purchase", now.AddDays(-d), sku, quantity: (int)Math.Round(100 * Math.Pow((double)price / 10, -2)), price: price);
        }).ToArray();
        (await writer.PostAsJsonAsync("/api/events", Json.Batch(events))).EnsureSuccessStatusCode();
        var decisions = await (await writer.GetAsync($"/api/skus/{sku}/decisions")).ReadObjectAsync();
        Assert.Equal(("changed", 9.00m), ((string?)decisions["price"]!["outcome"], (decimal)decisions["price"]!["suggested"]!["price"]!));
        return (writer, sku, (string)decisions["price"]!["suggestionId"]!);
    }

    [Fact]
    public async Task AcceptPrice_APendingSuggestion_ChangesThePriceOnceAndAuditsIt_ThenAnswers409()
    {
        var (writer, sku, id) = await SkuWithASuggestionAsync();

        var accepted = await writer.PostAsJsonAsync($"/api/skus/{sku}/price", new { suggestionId = id });
        var again = await writer.PostAsJsonAsync($"/api/skus/{sku}/price", new { suggestionId = id });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await accepted.ReadObjectAsync();
        Assert.Equal((9.00m, id, "accepted", 10m, 9.00m), ((decimal)body["sku"]!["price"]!, (string?)body["suggestion"]!["id"],
            (string?)body["suggestion"]!["status"], (decimal)body["suggestion"]!["fromPrice"]!, (decimal)body["suggestion"]!["toPrice"]!));
        Assert.Equal(9.00m, (decimal)(await (await writer.GetAsync($"/api/skus/{sku}")).ReadObjectAsync())["price"]!);
        var trail = (await (await writer.GetAsync($"/api/skus/{sku}/decisions")).ReadObjectAsync())["suggestions"]!.AsArray();
        Assert.Contains(trail, s => (string?)s!["id"] == id && (string?)s["status"] == "accepted");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.ReadObjectAsync();
        Assert.Equal("Suggestion already accepted", (string?)problem["title"]);
        Assert.StartsWith($"Suggestion '{id}' was accepted at ", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptPrice_AfterTheSkuWasPutAtAnotherPrice_Answers409AndLeavesThePrice()
    {
        var (writer, sku, id) = await SkuWithASuggestionAsync();
        await writer.PutAsJsonAsync($"/api/skus/{sku}", new { title = "Juice", category = $"mer-cat-{sku}", brand = "b", price = 10.5m, cost = 4m, stock = 20_000, leadTimeDays = 7 });

        var response = await writer.PostAsJsonAsync($"/api/skus/{sku}/price", new { suggestionId = id });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Suggestion superseded", (string?)(await response.ReadObjectAsync())["title"]);
        Assert.Equal(10.5m, (decimal)(await (await writer.GetAsync($"/api/skus/{sku}")).ReadObjectAsync())["price"]!);
    }

    [Fact]
    public async Task AcceptPrice_WithoutASuggestionId_NamesIt()
    {
        var writer = engine.CreateWriter();

        var response = await writer.PostAsJsonAsync("/api/skus/any-sku/price", new { suggestionId = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            new Dictionary<string, string[]> { ["suggestionId"] = ["'suggestionId' is required: 1-64 characters, as GET /api/skus/{sku}/decisions gives it."] },
            await response.ReadErrorsAsync());
    }

    [Fact]
    public async Task AcceptPrice_UnknownSuggestion_Answers404()
    {
        var (writer, sku, _) = await SkuWithASuggestionAsync();

        var response = await writer.PostAsJsonAsync($"/api/skus/{sku}/price", new { suggestionId = "0000000000000000" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Unknown suggestion", (string?)(await response.ReadObjectAsync())["title"]);
    }

    [Fact]
    public async Task Decisions_UnknownSku_Answers404()
    {
        var response = await engine.CreateWriter().GetAsync($"/api/skus/never-{Guid.NewGuid():N}"[..30] + "/decisions");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Unknown SKU", (string?)(await response.ReadObjectAsync())["title"]);
    }

    [Fact]
    public async Task Leaderboard_OneCategory_RanksByDemandAndByCover()
    {
        var writer = engine.CreateWriter();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var category = $"lb-{tag}";
        var now = engine.Time.GetUtcNow();
        // Today: 9 units of a SKU with 90 on hand, 3 of one with 300, 1 of one with 5 (28-day means 9/28, 3/28, 1/28 a day).
        var skus = new[] { ($"lb-a-{tag}", 9, 90), ($"lb-b-{tag}", 3, 300), ($"lb-c-{tag}", 1, 5) };
        foreach (var (sku, units, stock) in skus)
        {
            await writer.PutAsJsonAsync($"/api/skus/{sku}", new { title = "t", category, brand = "b", price = 2m, cost = 1m, stock = stock + units, leadTimeDays = 7 });
            (await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event($"{sku}-p", $"u-{tag}", "purchase", now, sku, quantity: units)))).EnsureSuccessStatusCode();
            // The decisions report the SKU's standing to its board and wait for it (ingestion reports without waiting).
            (await writer.GetAsync($"/api/skus/{sku}/decisions")).EnsureSuccessStatusCode();
        }

        var byDemand = await (await writer.GetAsync($"/api/skus?sort=demand&category={category}")).ReadObjectAsync();
        var byCover = await (await writer.GetAsync($"/api/skus?sort=cover&category={category}&count=2")).ReadObjectAsync();

        Assert.Equal([(skus[0].Item1, 9L), (skus[1].Item1, 3L), (skus[2].Item1, 1L)], Items(byDemand).Select(i => ((string)i["sku"]!, (long)i["units"]!)));
        // Cover: 5 / (1/28) = 140 days, 90 / (9/28) = 280, 300 / (3/28) = 2,800; fewest first.
        Assert.Equal([(skus[2].Item1, 140.0), (skus[0].Item1, 280.0)], Items(byCover).Select(i => ((string)i["sku"]!, (double)i["daysOfCover"]!)));
    }

    [Fact]
    public async Task Leaderboard_UnknownSort_NamesIt()
    {
        var response = await engine.CreateWriter().GetAsync("/api/skus?sort=price");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            new Dictionary<string, string[]> { ["sort"] = ["'sort' must be 'demand', 'lostUnits' or 'cover'; got 'price'."] },
            await response.ReadErrorsAsync());
    }

    private static IEnumerable<JsonNode> Items(JsonObject leaderboard) => leaderboard["items"]!.AsArray().OfType<JsonNode>();
}
