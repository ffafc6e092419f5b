using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace EcomOrleans.Silo.Tests.Apis;

[Collection(EngineCollection.Name)]
public sealed class SkusApiTests(EngineFactory engine)
{
    [Fact]
    public async Task PutSku_ThenGet_ReturnsTheCatalogFacts()
    {
        var writer = engine.CreateWriter();
        var sku = $"sku-{Guid.NewGuid():N}"[..20];

        var put = await writer.PutAsJsonAsync($"/api/skus/{sku}", new { title = "Matte Lipstick", category = "makeup", brand = "acme", price = 12.5m, cost = 6m, stock = 30, leadTimeDays = 7 });
        var body = await (await writer.GetAsync($"/api/skus/{sku}")).ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(
            (sku, "Matte Lipstick", "makeup", "acme", 12.5m, 6m, 30, 7, true),
            ((string?)body["sku"], (string?)body["title"], (string?)body["category"], (string?)body["brand"], (decimal)body["price"]!, (decimal)body["cost"]!, (int)body["stock"]!, (int)body["leadTimeDays"]!, (bool)body["inStock"]!));
    }

    [Fact]
    public async Task PutSku_InvalidFacts_RejectedNamingEachField()
    {
        var response = await engine.CreateWriter().PutAsJsonAsync("/api/skus/sku-bad", new { title = " ", brand = "acme", price = 0m, cost = -2m, stock = -1, leadTimeDays = 400 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["title"] = ["'title' is required."],
                ["category"] = ["'category' is required."],
                ["price"] = ["'price' must be greater than 0 and at most 1000000; got 0."],
                ["cost"] = ["'cost' must be at least 0 and at most 1000000; got -2."],
                ["stock"] = ["'stock' must be between 0 and 100000000; got -1."],
                ["leadTimeDays"] = ["'leadTimeDays' must be between 0 and 365; got 400."],
            },
            await response.ReadErrorsAsync());
    }

    [Fact]
    public async Task PutSku_TextWithControlCharacters_RejectedNamingEachField()
    {
        var response = await engine.CreateWriter().PutAsJsonAsync(
            "/api/skus/sku-control", new { title = "Serum\u0000", category = "skin\ncare", brand = "acme\t", price = 1m, cost = 0m, stock = 1, leadTimeDays = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        const string Rule = "must not contain control characters (such as NUL, tab or newline).";
        Assert.Equal(
            new Dictionary<string, string[]> { ["title"] = [$"'title' {Rule}"], ["category"] = [$"'category' {Rule}"], ["brand"] = [$"'brand' {Rule}"] },
            await response.ReadErrorsAsync());
    }

    [Fact]
    public async Task PutSku_BadJson_RejectedNamingTheField()
    {
        using var body = new StringContent("""{"title":"t","category":"c","brand":"b","price":"cheap","cost":0,"stock":1,"leadTimeDays":1}""", Encoding.UTF8, "application/json");

        var response = await engine.CreateWriter().PutAsync("/api/skus/sku-bad-json", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            new Dictionary<string, string[]> { ["price"] = ["'price' has the wrong JSON type (a number must not be quoted, a text must be)."] },
            await response.ReadErrorsAsync());
    }

    [Fact]
    public async Task PutSku_ABodyOverTheLimit_Answers413BeforeReadingIt()
    {
        using var body = new StringContent($$"""{"title":"{{new string('t', 20_000)}}"}""", Encoding.UTF8, "application/json");

        var response = await engine.CreateWriter().PutAsync("/api/skus/sku-huge", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal($"A request body here may be at most 16384 bytes; this one is {body.Headers.ContentLength}.", (string?)(await response.ReadObjectAsync())["detail"]);
    }

    [Fact]
    public async Task PutSku_NotSentAsJson_Answers415()
    {
        using var body = new StringContent("title=t", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await engine.CreateWriter().PutAsync("/api/skus/sku-form", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task PutSku_WithoutKey_Answers401()
    {
        var response = await engine.CreateClient().PutAsJsonAsync("/api/skus/sku-x", new { title = "t", category = "c", brand = "b", price = 1m, cost = 0m, stock = 1, leadTimeDays = 1 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetSku_Unknown_Answers404WithProblem()
    {
        var response = await engine.CreateWriter().GetAsync("/api/skus/never-put-sku");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("SKU 'never-put-sku' is not in the catalog; PUT /api/skus/never-put-sku adds it.", (string?)(await response.ReadObjectAsync())["detail"]);
    }

    [Fact]
    public async Task GetSku_InvalidSku_Answers400()
    {
        var response = await engine.CreateWriter().GetAsync("/api/skus/-bad*sku");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["'sku' must be 1-64 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit; got '-bad*sku'."],
            (await response.ReadErrorsAsync())["sku"]);
    }

    [Fact]
    public async Task GetSku_TrailingNewline_Answers400NamingTheRule()
    {
        // %0A decodes to a trailing '\n' in the route value; a '$'-anchored pattern let it through.
        var response = await engine.CreateWriter().GetAsync("/api/skus/beauty-17%0A");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["'sku' must be 1-64 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit; got 'beauty-17\n'."],
            (await response.ReadErrorsAsync())["sku"]);
    }

    [Fact]
    public async Task GetDemand_UnknownGranularity_Answers400()
    {
        var response = await engine.CreateWriter().GetAsync("/api/skus/sku-1/demand?granularity=week");

        Assert.Equal(["'granularity' must be 'hour' or 'day'; got 'week'."], (await response.ReadErrorsAsync())["granularity"]);
    }
}
