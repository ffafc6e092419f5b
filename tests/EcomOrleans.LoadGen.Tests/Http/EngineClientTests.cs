using System.Net;
using EcomOrleans.Client;
using EcomOrleans.Client.Models;
using EcomOrleans.Events;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Reporting;
using EcomOrleans.LoadGen.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EcomOrleans.LoadGen.Tests.Http;

public sealed class EngineClientTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly ReplayEvent Cart = new("e1", "beauty-u1", "beauty-u1-s0", EventKind.AddToCart, "beauty-1", 1, null, At);
    private static readonly ReplayEvent Purchase = new("e2", "beauty-u1", "beauty-u1-s0", EventKind.Purchase, "beauty-1", 1, 12.99m, At.AddSeconds(30.5));

    private readonly StubEngine _engine = new();
    private readonly LatencyHistogram _latency = new();

    [Fact]
    public async Task PostEventsAsync_Batch_SendsTheContractsJsonWithTheApiKey()
    {
        var outcome = await Client().PostEventsAsync(new[] { Cart, Purchase }, _latency, CancellationToken.None);

        var request = Assert.Single(_engine.Requests);
        Assert.Equal((HttpMethod.Post, "/api/events", "test-key", "application/json"), (request.Method, request.Path, request.ApiKey, request.ContentType));
        Assert.Equal(
            """{"events":[""" +
            """{"eventId":"e1","userId":"beauty-u1","sessionId":"beauty-u1-s0","kind":"add_to_cart","sku":"beauty-1","quantity":1,"timestamp":"2026-11-20T10:00:00+00:00"},""" +
            """{"eventId":"e2","userId":"beauty-u1","sessionId":"beauty-u1-s0","kind":"purchase","sku":"beauty-1","quantity":1,"price":12.99,"timestamp":"2026-11-20T10:00:30.5+00:00"}""" +
            "]}",
            request.Body);
        Assert.Equal(new RequestOutcome(202, 1, new IngestResponse(2, 0)), outcome);
    }

    [Fact]
    public async Task PostEventsAsync_StampOnSend_SendsEveryEventAtTheTimeOfSending()
    {
        var sentAt = At.AddDays(40).AddMilliseconds(250);
        var client = new EngineClient(EngineOptions.For("test-key", EngineHttp.WriteRetries), _engine, new FakeTimeProvider(sentAt)) { StampOnSend = true };

        await client.PostEventsAsync(new[] { Cart, Purchase }, _latency, CancellationToken.None);

        var body = Assert.Single(_engine.Requests).Body;
        Assert.Equal(2, body.Split("\"timestamp\":\"2026-12-30T10:00:00.25+00:00\"").Length - 1);
        Assert.DoesNotContain("2026-11-20", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEventsAsync_ServiceUnavailableOnce_ResendsTheSameBatch()
    {
        _engine.FailNext(1, HttpStatusCode.ServiceUnavailable);

        var outcome = await Client().PostEventsAsync(new[] { Cart }, _latency, CancellationToken.None);

        Assert.Equal(new RequestOutcome(202, 2, new IngestResponse(1, 0)), outcome);
        Assert.Equal(2, _engine.Requests.Count);
        Assert.Equal(_engine.Requests[0].Body, _engine.Requests[1].Body);
        Assert.Equal(2, _latency.Count); // both answered attempts are timed
    }

    [Fact]
    public async Task PostEventsAsync_ConnectionRefused_RetriesUntilTheEngineAnswers()
    {
        _engine.FailNext(3, status: null);

        var outcome = await Client().PostEventsAsync(new[] { Cart }, _latency, CancellationToken.None);

        Assert.Equal(new RequestOutcome(202, 4, new IngestResponse(1, 0)), outcome);
        Assert.Equal(1, _latency.Count); // a refused connection has no latency to record
    }

    [Fact]
    public async Task PostEventsAsync_AlwaysUnavailable_GivesUpAfterMaxAttempts()
    {
        _engine.FailNext(10, HttpStatusCode.ServiceUnavailable);

        var outcome = await Client().PostEventsAsync(new[] { Cart }, _latency, CancellationToken.None);

        Assert.Equal(new RequestOutcome(503, 4, null), outcome);
        Assert.Equal(4, _engine.Requests.Count);
    }

    [Fact]
    public async Task PostEventsAsync_NeverAnswered_ThrowsEngineUnreachableAfterMaxAttempts()
    {
        _engine.FailNext(10, status: null);

        await Assert.ThrowsAsync<EngineUnreachableException>(() => Client().PostEventsAsync(new[] { Cart }, _latency, CancellationToken.None));

        Assert.Equal(4, _engine.Requests.Count);
    }

    [Fact]
    public async Task PostEventsAsync_BadRequest_FailsWithoutRetrying()
    {
        _engine.FailNext(1, HttpStatusCode.BadRequest);

        var outcome = await Client().PostEventsAsync(new[] { Cart }, _latency, CancellationToken.None);

        Assert.Equal(new RequestOutcome(400, 1, null), outcome);
        Assert.Single(_engine.Requests);
    }

    [Fact]
    public async Task PostEventsAsync_WrongApiKey_ThrowsApiKeyRejected()
    {
        var client = _engine.CreateEngineClient(apiKey: "wrong", retries: 3);

        var error = await Assert.ThrowsAsync<ApiKeyRejectedException>(() => client.PostEventsAsync(new[] { Cart }, _latency, CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Single(_engine.Requests);
    }

    [Fact]
    public async Task PostEventsAsync_MoreThan500Events_IsRefusedBeforeSending()
    {
        var events = Enumerable.Repeat(Cart, EcomOrleansClient.MaxEventsPerBatch + 1).ToArray();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client().PostEventsAsync(events, _latency, CancellationToken.None));
        Assert.Empty(_engine.Requests);
    }

    [Fact]
    public async Task PostEventsAsync_ServiceUnavailable_WaitsTheBackoffBeforeResending()
    {
        var time = new FakeTimeProvider(At);
        var client = _engine.CreateEngineClient(retryBaseDelay: TimeSpan.FromMilliseconds(100), time: time);
        _engine.FailNext(1, HttpStatusCode.ServiceUnavailable);

        var sending = client.PostEventsAsync(new[] { Cart }, _latency, CancellationToken.None);

        // The first retry waits 100 ms ± 20% jitter: not before 80 ms, surely by 120 ms.
        time.Advance(TimeSpan.FromMilliseconds(79));
        Assert.False(sending.IsCompleted);
        Assert.Single(_engine.Requests);
        time.Advance(TimeSpan.FromMilliseconds(41));
        var outcome = await sending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task PutSkuAsync_Sku_PutsItsCatalogFactsAtItsPath()
    {
        var sku = new SkuDefinition("beauty-17", "Beauty item 17", "beauty-cat-1", "beauty-brand-24", 14.99m, 7.5m, 120, 7);

        var outcome = await Client().PutSkuAsync(sku, _latency, CancellationToken.None);

        var request = Assert.Single(_engine.Requests);
        Assert.Equal((HttpMethod.Put, "/api/skus/beauty-17", "test-key"), (request.Method, request.Path, request.ApiKey));
        Assert.Equal(
            """{"title":"Beauty item 17","category":"beauty-cat-1","brand":"beauty-brand-24","price":14.99,"cost":7.5,"stock":120,"leadTimeDays":7}""",
            request.Body);
        Assert.Equal(new RequestOutcome(200, 1, null), outcome);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task PostEventsAsync_EveryKind_IsSentByTheEnginesWireName(EventKind kind)
    {
        await Client().PostEventsAsync(new[] { Cart with { Kind = kind } }, _latency, CancellationToken.None);

        Assert.Contains($"\"kind\":\"{EventKinds.WireName(kind)}\"", Assert.Single(_engine.Requests).Body, StringComparison.Ordinal);
    }

    public static TheoryData<EventKind> Kinds => [.. EventKinds.All];

    private EngineClient Client() => _engine.CreateEngineClient(retries: 3);
}
