using System.Net;
using System.Net.Http.Json;
using System.Text;

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

    [Fact]
    public async Task PostEvents_MalformedJson_RejectedNamingWhereItBroke()
    {
        using var body = new StringContent("""{"events":[{"eventId":"e1","quantity":"three"}]}""", Encoding.UTF8, "application/json");

        var response = await engine.CreateWriter().PostAsync("/api/events", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ReadErrorsAsync();
        var message = Assert.Single(errors["events[0].quantity"]);
        Assert.StartsWith("The body is not valid JSON for an event batch: ", message);
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
