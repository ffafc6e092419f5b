using System.Net;
using System.Net.Http.Json;

namespace EcomOrleans.Silo.Tests.Admission;

/// <summary>Over its rate a caller gets 429 with Retry-After at once, not a place in an unbounded queue.</summary>
public sealed class AdmissionTests : IAsyncLifetime
{
    // Two requests of each group per caller, then one token every 1,000 s: the third is refused, whatever the clock.
    private readonly EngineFactory _engine = new(store: null, settings: new Dictionary<string, string>
    {
        ["Admission:Writes:Burst"] = "2",
        ["Admission:Writes:RequestsPerSecond"] = "0.001",
        ["Admission:Reads:Burst"] = "2",
        ["Admission:Reads:RequestsPerSecond"] = "0.001",
        ["Security:Keys:storefront:Hash"] = Security.ApiKeyRoleTests.Hash(StorefrontKey),
        ["Security:Keys:storefront:Roles"] = "read",
    });

    private const string StorefrontKey = "storefront-key-0123456789";

    [Fact]
    public async Task AWriterOverItsRate_Gets429WithRetryAfter_AndOtherCallersAreNotHeldBack()
    {
        var writer = _engine.CreateWriter();
        var now = _engine.Time.GetUtcNow();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event($"e{i}", "u-admitted", "view", now)))).StatusCode);
        }

        var refused = await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e9", "u-admitted", "view", now)));
        // Another caller (no key: kept by its address) has a bucket of its own; it is refused for its key, not its rate.
        var anonymous = await _engine.CreateClient().PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", "u-anon", "view", now)));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 1_000);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Too many requests", (string?)(await refused.ReadObjectAsync())["title"]);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task AReaderOverItsRate_Gets429_WhileHealthAndMetricsStayOpen()
    {
        var reader = _engine.CreateWriter();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await reader.GetAsync("/api/skus/sku-unknown")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task TwoKeyedReaders_TakingTurns_EachHaveABucketOfTheirOwn()
    {
        // Each request's key differs from the one before it: the partition kept for the last key is never reused wrongly.
        var admin = _engine.CreateWriter();
        var storefront = _engine.CreateClient();
        storefront.DefaultRequestHeaders.Add("X-Api-Key", StorefrontKey);
        var statuses = new List<(string, HttpStatusCode)>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(("admin", (await admin.GetAsync("/api/skus/sku-unknown")).StatusCode));
            statuses.Add(("storefront", (await storefront.GetAsync("/api/skus/sku-unknown")).StatusCode));
        }

        Assert.Equal(
            [
                ("admin", HttpStatusCode.NotFound), ("storefront", HttpStatusCode.NotFound),
                ("admin", HttpStatusCode.NotFound), ("storefront", HttpStatusCode.NotFound),
                ("admin", HttpStatusCode.TooManyRequests), ("storefront", HttpStatusCode.TooManyRequests),
            ],
            statuses);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();
}
