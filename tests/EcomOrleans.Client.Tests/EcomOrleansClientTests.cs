using System.Net;
using EcomOrleans.Client.Models;
using EcomOrleans.Client.Tests.Support;

namespace EcomOrleans.Client.Tests;

/// <summary>Each operation sends the engine's contract (method, escaped path, query, key, JSON body) and reads its answer.</summary>
public sealed class EcomOrleansClientTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 15, 0, TimeSpan.Zero);

    private readonly FakeEngine _engine = new();
    private readonly EcomOrleansClient _client;

    public EcomOrleansClientTests()
    {
        _client = EcomOrleansClient.Create(new EcomOrleansClientOptions { BaseAddress = new("http://engine.test:5080"), ApiKey = "key-0123", MaxRetries = 0 }, _engine);
    }

    [Fact]
    public async Task PostEventsAsync_Batch_PostsTheContractsJsonAndReadsTheCounts()
    {
        _engine.Answer(HttpStatusCode.Accepted, """{"accepted":2,"duplicates":1}""");
        ShopperEvent[] events =
        [
            new("e-1001", "u-42", "s-9", ShopperEventKind.Search, Sku: null, Query: "matte lipstick", Quantity: null, Price: null, At),
            new("e-1003", "u-42", "s-9", ShopperEventKind.AddToCart, "beauty-17", null, 2, 12.50m, At.AddSeconds(30.5), RecommendationId: "rec-1"),
        ];

        var result = await _client.PostEventsAsync(events);

        Assert.Equal(new IngestResponse(2, 1), result);
        var request = Assert.Single(_engine.Requests);
        Assert.Equal((HttpMethod.Post, "/api/events", "key-0123", "application/json"), (request.Method, request.PathAndQuery, request.ApiKey, request.ContentType));
        Assert.Equal(
            """{"events":[""" +
            """{"eventId":"e-1001","userId":"u-42","sessionId":"s-9","kind":"search","query":"matte lipstick","timestamp":"2026-11-20T10:15:00+00:00"},""" +
            """{"eventId":"e-1003","userId":"u-42","sessionId":"s-9","kind":"add_to_cart","sku":"beauty-17","quantity":2,"price":12.50,"timestamp":"2026-11-20T10:15:30.5+00:00","recommendationId":"rec-1"}""" +
            "]}",
            request.Body);
    }

    [Theory]
    [InlineData(ShopperEventKind.View, "view")]
    [InlineData(ShopperEventKind.Click, "click")]
    [InlineData(ShopperEventKind.Search, "search")]
    [InlineData(ShopperEventKind.AddToCart, "add_to_cart")]
    [InlineData(ShopperEventKind.RemoveFromCart, "remove_from_cart")]
    [InlineData(ShopperEventKind.Purchase, "purchase")]
    public async Task PostEventsAsync_EveryKind_IsSentByItsWireName(ShopperEventKind kind, string wireName)
    {
        _engine.Answer(HttpStatusCode.Accepted, """{"accepted":1,"duplicates":0}""");

        await _client.PostEventsAsync([new("e-1", "u-1", "s-1", kind, "sku-1", null, null, null, At)]);

        Assert.Contains($"\"kind\":\"{wireName}\"", Assert.Single(_engine.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEventsAsync_MoreThan500Events_IsRefusedBeforeSending()
    {
        var events = Enumerable.Repeat(new ShopperEvent("e-1", "u-1", "s-1", ShopperEventKind.View, "sku-1", null, null, null, At), EcomOrleansClient.MaxEventsPerBatch + 1).ToArray();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.PostEventsAsync(events));

        Assert.Equal("events", error.ParamName);
        Assert.Empty(_engine.Requests);
    }

    [Fact]
    public async Task GetRecommendationsAsync_AllParameters_SendsThemEscapedInTheQuery()
    {
        _engine.Answer(HttpStatusCode.OK, """
            {"recommendationId":"rec-3f0c","modelVersion":"sequence-20261120","items":[
              {"sku":"beauty-212","score":4.81,"reason":"personalized"},{"sku":"beauty-3","score":0.5,"reason":"popular"}]}
            """);

        var recs = await _client.GetRecommendationsAsync("u/42 é", count: 5, sessionId: "s-9", category: "make up&more");

        var request = Assert.Single(_engine.Requests);
        Assert.Equal((HttpMethod.Get, "/api/users/u%2F42%20%C3%A9/recommendations?count=5&sessionId=s-9&category=make%20up%26more", "key-0123", null, null),
            (request.Method, request.PathAndQuery, request.ApiKey, request.ContentType, request.Body));
        Assert.Equal(("rec-3f0c", "sequence-20261120"), (recs.RecommendationId, recs.ModelVersion));
        Assert.Equal([new RecommendedItem("beauty-212", 4.81f, "personalized"), new RecommendedItem("beauty-3", 0.5f, "popular")], recs.Items);
    }

    [Fact]
    public async Task GetRecommendationsAsync_NoOptionalParameters_SendsNoQuery()
    {
        _engine.Answer(HttpStatusCode.OK, """{"recommendationId":"rec-1","modelVersion":"none","items":[]}""");

        var recs = await _client.GetRecommendationsAsync("u-42");

        Assert.Equal("/api/users/u-42/recommendations", Assert.Single(_engine.Requests).PathAndQuery);
        Assert.Equal(RecommendationResponse.NoModel, recs.ModelVersion);
        Assert.Empty(recs.Items);
    }

    [Fact]
    public async Task PutSkuAsync_Facts_PutsThemAtTheEscapedSkuAndReadsTheSku()
    {
        _engine.Answer(HttpStatusCode.OK, SkuJson);

        var sku = await _client.PutSkuAsync("beauty 17", new SkuRequest("Matte Lipstick", "makeup", "acme", 12.50m, 6.10m, 40, 7));

        var request = Assert.Single(_engine.Requests);
        Assert.Equal((HttpMethod.Put, "/api/skus/beauty%2017", "key-0123", "application/json"), (request.Method, request.PathAndQuery, request.ApiKey, request.ContentType));
        Assert.Equal("""{"title":"Matte Lipstick","category":"makeup","brand":"acme","price":12.50,"cost":6.10,"stock":40,"leadTimeDays":7}""", request.Body);
        Assert.Equal(ExpectedSku, sku);
    }

    [Fact]
    public async Task GetSkuAsync_Known_ReadsEveryField()
    {
        _engine.Answer(HttpStatusCode.OK, SkuJson);

        var sku = await _client.GetSkuAsync("beauty-17");

        Assert.Equal((HttpMethod.Get, "/api/skus/beauty-17"), (_engine.Requests[0].Method, _engine.Requests[0].PathAndQuery));
        Assert.Equal(ExpectedSku, sku);
    }

    [Fact]
    public async Task GetSkuAsync_NotInTheCatalog_IsNull()
    {
        _engine.Answer(HttpStatusCode.NotFound, """{"title":"Unknown SKU","status":404,"detail":"SKU 'nope' is not in the catalog; PUT /api/skus/nope adds it."}""", "application/problem+json");

        Assert.Null(await _client.GetSkuAsync("nope"));
    }

    [Theory]
    [InlineData(null, "/api/skus/beauty-17/demand")]
    [InlineData(DemandGranularity.Hour, "/api/skus/beauty-17/demand?granularity=hour")]
    [InlineData(DemandGranularity.Day, "/api/skus/beauty-17/demand?granularity=day")]
    public async Task GetSkuDemandAsync_Granularity_IsSentAsItsWireName(DemandGranularity? granularity, string expectedPath)
    {
        _engine.Answer(HttpStatusCode.OK, """
            {"sku":"beauty-17","granularity":"hour","buckets":[
              {"start":"2026-11-20T10:00:00+00:00","counts":{"views":3,"clicks":1,"carts":1,"purchases":1,"units":2,"revenue":25.00}}]}
            """);

        var series = await _client.GetSkuDemandAsync("beauty-17", granularity);

        Assert.Equal(expectedPath, Assert.Single(_engine.Requests).PathAndQuery);
        Assert.Equal(("beauty-17", DemandGranularity.Hour), (series!.Sku, series.Granularity));
        Assert.Equal([new DemandBucket(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), new DemandCounts(3, 1, 1, 1, 2, 25.00m))], series.Buckets);
    }

    [Fact]
    public async Task GetSkuDemandAsync_UnknownSku_IsNull()
    {
        _engine.Answer(HttpStatusCode.NotFound, """{"title":"Unknown SKU","status":404}""", "application/problem+json");

        Assert.Null(await _client.GetSkuDemandAsync("nope"));
    }

    [Fact]
    public async Task GetUserAsync_Known_ReadsTheProfile()
    {
        _engine.Answer(HttpStatusCode.OK, """
            {"userId":"u-42","totalEvents":2,"firstSeen":"2026-11-20T10:14:00+00:00","lastSeen":"2026-11-20T10:16:00+00:00",
             "recentEvents":[
               {"kind":"search","sku":null,"timestamp":"2026-11-20T10:14:00+00:00","sessionId":"s-9","quantity":1,"price":null,"query":"matte lipstick"},
               {"kind":"purchase","sku":"beauty-17","timestamp":"2026-11-20T10:16:00+00:00","sessionId":"s-9","quantity":2,"price":12.5,"query":null}],
             "sessions":[{"sessionId":"s-9","started":"2026-11-20T10:14:00+00:00","lastSeen":"2026-11-20T10:16:00+00:00","events":2}],
             "categoryAffinities":[{"category":"makeup","score":0.75}],
             "embeddingModelVersion":null,"embeddingStale":false}
            """);

        var profile = await _client.GetUserAsync("u-42");

        Assert.Equal((HttpMethod.Get, "/api/users/u-42"), (_engine.Requests[0].Method, _engine.Requests[0].PathAndQuery));
        Assert.NotNull(profile);
        Assert.Equal(("u-42", 2L, new DateTimeOffset(2026, 11, 20, 10, 14, 0, TimeSpan.Zero), (string?)null, false),
            (profile.UserId, profile.TotalEvents, profile.FirstSeen, profile.EmbeddingModelVersion, profile.EmbeddingStale));
        Assert.Equal(
            [
                new ProfileEvent(ShopperEventKind.Search, null, At.AddMinutes(-1), "s-9", 1, null, "matte lipstick"),
                new ProfileEvent(ShopperEventKind.Purchase, "beauty-17", At.AddMinutes(1), "s-9", 2, 12.5m, null),
            ],
            profile.RecentEvents);
        Assert.Equal([new SessionSummary("s-9", At.AddMinutes(-1), At.AddMinutes(1), 2)], profile.Sessions);
        Assert.Equal([new CategoryAffinity("makeup", 0.75)], profile.CategoryAffinities);
    }

    [Fact]
    public async Task GetUserAsync_Unknown_IsNull()
    {
        _engine.Answer(HttpStatusCode.NotFound, """{"title":"Unknown user","status":404}""", "application/problem+json");

        Assert.Null(await _client.GetUserAsync("u-new"));
    }

    [Fact]
    public async Task DeleteUserAsync_User_DeletesAtTheEscapedPathWithTheKey()
    {
        _engine.Answer(HttpStatusCode.NoContent);

        await _client.DeleteUserAsync("u:42");

        var request = Assert.Single(_engine.Requests);
        Assert.Equal((HttpMethod.Delete, "/api/users/u%3A42", "key-0123", null), (request.Method, request.PathAndQuery, request.ApiKey, request.Body));
    }

    [Fact]
    public async Task GetDemandGapsAsync_Count_ReadsTheSearches()
    {
        _engine.Answer(HttpStatusCode.OK, """{"searches":[{"query":"vegan mascara","searches":7,"withoutItem":7,"lastSeen":"2026-11-20T10:15:00+00:00"}]}""");

        var gaps = await _client.GetDemandGapsAsync(count: 10);

        Assert.Equal("/api/insights/demand-gaps?count=10", Assert.Single(_engine.Requests).PathAndQuery);
        Assert.Equal([new SearchQueryCount("vegan mascara", 7, 7, At)], gaps.Searches);
    }

    [Fact]
    public async Task GetSkuAsync_AnswerWithFieldsThisVersionDoesNotKnow_StillReads()
    {
        _engine.Answer(HttpStatusCode.OK, SkuJson.Replace("\"sku\":", "\"reorderPoint\":12,\"sku\":", StringComparison.Ordinal));

        Assert.Equal(ExpectedSku, await _client.GetSkuAsync("beauty-17"));
    }

    [Fact]
    public async Task PostEventsAsync_BadBatch_SurfacesTheProblemWithEveryError()
    {
        _engine.Answer(HttpStatusCode.BadRequest, """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The batch was rejected; no event of it was accepted","status":400,
             "errors":{"events[0].sku":["'sku' is required for purchase events."],"events[0].quantity":["'quantity' is required for purchase events."]},
             "traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
            """, "application/problem+json");

        var error = await Assert.ThrowsAsync<EcomOrleansApiException>(
            () => _client.PostEventsAsync([new("e-1", "u-42", "s-9", ShopperEventKind.Purchase, null, null, null, null, At)]));

        Assert.Equal(
            (HttpStatusCode.BadRequest, "The batch was rejected; no event of it was accepted", (string?)null, "4bf92f3577b34da6a3ce929d0e0e4736", HttpMethod.Post, "/api/events"),
            (error.StatusCode, error.Title, error.Detail, error.TraceId, error.Method, error.Path));
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["events[0].sku"] = ["'sku' is required for purchase events."],
                ["events[0].quantity"] = ["'quantity' is required for purchase events."],
            },
            error.Errors);
        Assert.Equal(
            "POST /api/events answered 400 The batch was rejected; no event of it was accepted " +
            "(events[0].sku: 'sku' is required for purchase events.; events[0].quantity: 'quantity' is required for purchase events.)",
            error.Message);
        Assert.Single(_engine.Requests);
    }

    [Fact]
    public async Task DeleteUserAsync_WrongKey_SurfacesTitleAndDetail()
    {
        _engine.Answer(HttpStatusCode.Unauthorized, """{"title":"Unauthorized","status":401,"detail":"A valid X-Api-Key header is required."}""", "application/problem+json");

        var error = await Assert.ThrowsAsync<EcomOrleansApiException>(() => _client.DeleteUserAsync("u-42"));

        Assert.Equal((HttpStatusCode.Unauthorized, "Unauthorized", "A valid X-Api-Key header is required."), (error.StatusCode, error.Title, error.Detail));
        Assert.Empty(error.Errors);
        Assert.Equal("DELETE /api/users/u-42 answered 401 Unauthorized: A valid X-Api-Key header is required.", error.Message);
    }

    [Fact]
    public async Task GetSkuAsync_FailureWithoutProblemBody_SurfacesTheStatus()
    {
        _engine.Answer(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html");

        var error = await Assert.ThrowsAsync<EcomOrleansApiException>(() => _client.GetSkuAsync("beauty-17"));

        Assert.Equal((HttpStatusCode.BadGateway, (string?)null, (string?)null), (error.StatusCode, error.Title, error.TraceId));
        Assert.Equal("GET /api/skus/beauty-17 answered 502 BadGateway", error.Message);
    }

    [Fact]
    public async Task GetRecommendationsAsync_Overloaded_SurfacesRetryAfter()
    {
        _engine.Fail(HttpStatusCode.TooManyRequests, retryAfterSeconds: 3);

        var error = await Assert.ThrowsAsync<EcomOrleansApiException>(() => _client.GetRecommendationsAsync("u-42"));

        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3)), (error.StatusCode, error.RetryAfter));
    }

    [Fact]
    public async Task GetUserAsync_EmptyId_IsRefusedBeforeSending()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.GetUserAsync(""));

        Assert.Equal("userId", error.ParamName);
        Assert.Empty(_engine.Requests);
    }

    [Fact]
    public async Task Constructor_CallersHttpClient_SendsThroughItWithTheKey()
    {
        using var http = new HttpClient(_engine, disposeHandler: false);
        using var client = new EcomOrleansClient(http, new EcomOrleansClientOptions { BaseAddress = new("https://engine.test/edge/"), ApiKey = "key-9" });
        _engine.Answer(HttpStatusCode.NoContent);

        await client.DeleteUserAsync("u-42");

        Assert.Equal(("/edge/api/users/u-42", "key-9"), (_engine.Requests[0].PathAndQuery, _engine.Requests[0].ApiKey));
    }

    [Fact]
    public async Task Create_NoApiKey_SendsNoKeyHeader()
    {
        using var client = EcomOrleansClient.Create(new EcomOrleansClientOptions { BaseAddress = new("http://engine.test") }, _engine);
        _engine.Answer(HttpStatusCode.NotFound);

        await client.GetUserAsync("u-42");

        Assert.Null(_engine.Requests[0].ApiKey);
    }

    public void Dispose() => _client.Dispose();

    private const string SkuJson = """
        {"sku":"beauty-17","title":"Matte Lipstick","category":"makeup","brand":"acme","price":12.50,"cost":6.10,"stock":38,"leadTimeDays":7,
         "inStock":true,"lostUnits":0,"totals":{"views":5,"clicks":2,"carts":1,"purchases":1,"units":2,"revenue":25.00},"updatedAt":"2026-11-20T10:16:00+00:00"}
        """;

    private static readonly SkuResponse ExpectedSku = new(
        "beauty-17", "Matte Lipstick", "makeup", "acme", 12.50m, 6.10m, 38, 7, true, 0, new DemandCounts(5, 2, 1, 1, 2, 25.00m), At.AddMinutes(1));
}
