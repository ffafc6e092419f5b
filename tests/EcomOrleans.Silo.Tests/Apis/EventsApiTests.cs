using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EcomOrleans.Silo.Tests.Apis;

[Collection(EngineCollection.Name)]
public sealed class EventsApiTests(EngineFactory engine)
{
    private DateTimeOffset Now => engine.Time.GetUtcNow();

    [Fact]
    public async Task PostEvents_ValidBatch_Answers202AndShowsInProfileAndDemand()
    {
        var writer = engine.CreateWriter();
        var user = $"u-{Guid.NewGuid():N}";
        var sku = $"sku-{Guid.NewGuid():N}"[..30];
        await writer.PutAsJsonAsync($"/api/skus/{sku}", new { title = "Serum", category = "skincare", brand = "acme", price = 20m, cost = 8m, stock = 10, leadTimeDays = 5 });

        var response = await writer.PostAsJsonAsync("/api/events", Json.Batch(
            Json.Event("e1", user, "view", Now, sku),
            Json.Event("e2", user, "purchase", Now, sku, quantity: 3, price: 19.5m),
            Json.Event("e2", user, "purchase", Now, sku, quantity: 3, price: 19.5m),
            Json.Event("e3", user, "search", Now, sku: null, query: "Vitamin C  Serum")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("""{"accepted":3,"duplicates":1}""", await response.Content.ReadAsStringAsync());
        var profile = await writer.GetFromJsonAsync<ProfileView>($"/api/users/{user}", Json.Web);
        Assert.Equal(["view", "purchase", "search"], profile!.RecentEvents.Select(e => e.Kind));
        Assert.Equal([sku, sku, null], profile.RecentEvents.Select(e => e.Sku));
        Assert.Equal("vitamin c serum", profile.RecentEvents[2].Query);
        var demand = await writer.GetFromJsonAsync<DemandView>($"/api/skus/{sku}/demand?granularity=hour", Json.Web);
        var bucket = Assert.Single(demand!.Buckets);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), bucket.Start);
        Assert.Equal((1L, 1L, 3L, 58.5m), (bucket.Counts.Views, bucket.Counts.Purchases, bucket.Counts.Units, bucket.Counts.Revenue));
        var skuView = await writer.GetFromJsonAsync<SkuView>($"/api/skus/{sku}", Json.Web);
        Assert.Equal(7, skuView!.Stock);
    }

    [Fact]
    public async Task PostEvents_BadBatch_RejectedWholeWithEveryBadFieldNamed()
    {
        var writer = engine.CreateWriter();
        var user = $"u-{Guid.NewGuid():N}";

        var response = await writer.PostAsJsonAsync("/api/events", Json.Batch(
            Json.Event("good-1", user, "view", Now),
            new { eventId = "bad id", userId = user, sessionId = "s-1", kind = "teleport", sku = "sku-1", timestamp = Now.ToString("O") },
            Json.Event("e3", user, "purchase", Now, sku: null, quantity: 0, price: -1m),
            Json.Event("e4", user, "search", Now.AddMinutes(10), sku: null),
            new { eventId = "e5", userId = user, sessionId = "s-1", kind = "view", sku = "sku-1", timestamp = "2026-11-20T10:00:00" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ReadErrorsAsync();
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["events[1].eventId"] = ["'eventId' must be 1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit."],
                ["events[1].kind"] = ["'kind' must be one of view, click, search, add_to_cart, remove_from_cart, purchase; got 'teleport'."],
                ["events[2].sku"] = ["'sku' is required for purchase events."],
                ["events[2].quantity"] = ["'quantity' must be between 1 and 1000; got 0."],
                ["events[2].price"] = ["'price' must be between 0 and 1000000; got -1."],
                ["events[3].query"] = ["'query' is required for search events."],
                ["events[3].timestamp"] = ["'timestamp' is more than 5 minutes ahead of the server clock."],
                ["events[4].timestamp"] = ["'timestamp' must be an ISO-8601 date and time with an offset, like 2026-11-23T10:15:00Z; got '2026-11-20T10:00:00'."],
            },
            errors);
        // Nothing of the batch was accepted, not even the valid first event.
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/api/users/{user}")).StatusCode);
    }

    [Fact]
    public async Task PostEvents_OversizedBatch_RejectedNamingTheLimit()
    {
        var writer = engine.CreateWriter();
        var events = Enumerable.Range(0, 501).Select(i => Json.Event($"e{i}", "u-big", "view", Now)).ToArray();

        var response = await writer.PostAsJsonAsync("/api/events", Json.Batch(events));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["A batch holds at most 500 events; this one has 501."], (await response.ReadErrorsAsync())["events"]);
    }

    [Fact]
    public async Task PostEvents_EmptyBatch_Rejected()
    {
        var response = await engine.CreateWriter().PostAsJsonAsync("/api/events", new { events = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["At least one event is required."], (await response.ReadErrorsAsync())["events"]);
    }

    public static TheoryData<string, string, string> UnreadableBodies => new()
    {
        // A text where a number belongs, and a number sent as a string: the same rule, no .NET type named.
        { """{"events":[{"eventId":"e1","quantity":"three"}]}""", "events[0].quantity", "'quantity' has the wrong JSON type (a number must not be quoted, a text must be)." },
        { """{"events":[{"eventId":"e1","quantity":"2"}]}""", "events[0].quantity", "'quantity' has the wrong JSON type (a number must not be quoted, a text must be)." },
        { """{"events":[{"eventId":"e1","eventId":"e2"}]}""", "events[0].eventId", "'eventId' appears more than once." },
        { """{"events":[{"eventId":"e1","colour":"red"}]}""", "events[0].colour", "'colour' is not a field of this body." },
        // Truncated: blamed on the body, not on the event the reader happened to stop in.
        { """{"events":[{"eventId":"e1","userId":"u""", "body", "The body is not complete JSON: it ends before its last value is closed (line 1, byte 39)." },
        { "", "body", "The body is not complete JSON: it ends before its last value is closed (line 1, byte 1)." },
        { "[1,", "body", "The body must be a JSON object." },
        { "{\"events\":[{\"eventId\":\"e1\"}]", "body", "The body is not complete JSON: it ends before its last value is closed (line 1, byte 29)." },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task PostEvents_UnreadableBody_RejectedNamingTheField(string json, string field, string message)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await engine.CreateWriter().PostAsync("/api/events", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ReadErrorsAsync();
        Assert.Equal(field, Assert.Single(errors).Key);
        Assert.Equal(message, Assert.Single(errors[field]));
        Assert.DoesNotContain("EcomOrleans.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "no Content-Type")]
    [InlineData("text/plain", "'text/plain; charset=utf-8'")]
    [InlineData("application/x-www-form-urlencoded", "'application/x-www-form-urlencoded; charset=utf-8'")]
    public async Task PostEvents_NotSentAsJson_Answers415(string? mediaType, string got)
    {
        using var body = new StringContent(JsonSerializer.Serialize(Json.Batch(Json.Event("e1", "u-415", "view", Now))), Encoding.UTF8, mediaType);
        if (mediaType is null)
        {
            body.Headers.ContentType = null;
        }

        var response = await engine.CreateWriter().PostAsync("/api/events", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"The body must be JSON, sent with 'Content-Type: application/json'; got {got}.", (string?)(await response.ReadObjectAsync())["detail"]);
    }

    [Fact]
    public async Task PostEvents_AQueryOnAViewEvent_RejectedNamingIt()
    {
        var response = await engine.CreateWriter().PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", "u-query", "view", Now, query: "serum")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            new Dictionary<string, string[]> { ["events[0].query"] = ["'query' belongs to search events only; this is a view event."] },
            await response.ReadErrorsAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    public async Task PostEvents_WithoutTheRightKey_Answers401(string? key)
    {
        var client = engine.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        var response = await client.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", "u-anon", "view", Now)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Missing or wrong API key", (string?)(await response.ReadObjectAsync())["title"]);
    }

    private sealed record ProfileView(string UserId, long TotalEvents, List<EventView> RecentEvents);

    private sealed record EventView(string Kind, string? Sku, string? Query);

    private sealed record DemandView(string Sku, string Granularity, List<BucketView> Buckets);

    private sealed record BucketView(DateTimeOffset Start, CountsView Counts);

    private sealed record CountsView(long Views, long Clicks, long Carts, long Purchases, long Units, decimal Revenue);

    private sealed record SkuView(string Sku, int Stock, bool InStock);
}
