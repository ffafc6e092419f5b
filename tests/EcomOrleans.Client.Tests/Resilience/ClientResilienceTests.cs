using System.Net;
using EcomOrleans.Client.Models;
using EcomOrleans.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EcomOrleans.Client.Tests.Resilience;

/// <summary>What is retried, how often, and when: on a fake clock, so no test waits for a real delay.</summary>
public sealed class ClientResilienceTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly ShopperEvent View = new("e-1", "u-42", "s-9", ShopperEventKind.View, "beauty-17", null, null, null, At);

    private readonly FakeEngine _engine = new();
    private readonly FakeTimeProvider _time = new(At);
    private EcomOrleansClient? _client;

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task PostEventsAsync_RefusedWithRetryAfter_ResendsTheSameBatchNotBeforeRetryAfter(HttpStatusCode status)
    {
        _engine.Fail(status, retryAfterSeconds: 2).Answer(HttpStatusCode.Accepted, """{"accepted":0,"duplicates":1}""");
        var client = Client(new() { MaxRetries = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });

        var sending = client.PostEventsAsync([View]);

        // Retry-After: 2 wins over the 10 ms backoff; the client adds up to 20% jitter to it, never less.
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(sending.IsCompleted);
        Assert.Single(_engine.Requests);
        _time.Advance(TimeSpan.FromMilliseconds(401));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new IngestResponse(0, 1), result);
        Assert.Equal(2, _engine.Requests.Count);
        Assert.Equal(_engine.Requests[0].Body, _engine.Requests[1].Body);
    }

    [Fact]
    public async Task GetRecommendationsAsync_UnavailableWithoutRetryAfter_WaitsTheBackoff()
    {
        _engine.Fail(HttpStatusCode.ServiceUnavailable).Answer(HttpStatusCode.OK, """{"recommendationId":"r","modelVersion":"none","items":[]}""");
        var client = Client(new() { MaxRetries = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(100) });

        var asking = client.GetRecommendationsAsync("u-42");

        // The first retry waits 100 ms ± 20%: not before 80 ms, surely by 120 ms (later ones: RetryDelayTests).
        _time.Advance(TimeSpan.FromMilliseconds(79));
        Assert.False(asking.IsCompleted);
        Assert.Single(_engine.Requests);
        _time.Advance(TimeSpan.FromMilliseconds(41));
        await asking.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _engine.Requests.Count);
    }

    [Fact]
    public async Task PutSkuAsync_AlwaysUnavailable_GivesUpAfterMaxRetries()
    {
        _engine.Fail(HttpStatusCode.ServiceUnavailable, count: 5);
        var client = Client(new() { MaxRetries = 4, RetryBaseDelay = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<EcomOrleansApiException>(() => client.PutSkuAsync("beauty-17", new SkuRequest("t", "c", "b", 1m, 0m, 1, 1)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(5, _engine.Requests.Count); // the first attempt and 4 retries
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task GetSkuAsync_GatewayFailureOnce_IsRetried(HttpStatusCode status)
    {
        _engine.Fail(status).Answer(HttpStatusCode.NotFound);
        var client = Client(new() { MaxRetries = 1, RetryBaseDelay = TimeSpan.Zero });

        Assert.Null(await client.GetSkuAsync("beauty-17"));
        Assert.Equal(2, _engine.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(HttpStatusCode.UnsupportedMediaType)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task PostEventsAsync_NotTransient_FailsAfterOneAttempt(HttpStatusCode status)
    {
        _engine.Fail(status);
        var client = Client(new() { MaxRetries = 3, RetryBaseDelay = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<EcomOrleansApiException>(() => client.PostEventsAsync([View]));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(_engine.Requests);
    }

    [Fact]
    public async Task PostEventsAsync_RetriesOff_FailsAtTheFirstRefusal()
    {
        _engine.Fail(HttpStatusCode.TooManyRequests, retryAfterSeconds: 1);
        var client = Client(new() { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<EcomOrleansApiException>(() => client.PostEventsAsync([View]));

        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1)), (error.StatusCode, error.RetryAfter));
        Assert.Single(_engine.Requests);
    }

    [Fact]
    public async Task GetUserAsync_ConnectionRefused_RetriesUntilTheEngineAnswers()
    {
        _engine.Refuse(count: 3).Answer(HttpStatusCode.NotFound);
        var client = Client(new() { MaxRetries = 3, RetryBaseDelay = TimeSpan.Zero });

        Assert.Null(await client.GetUserAsync("u-42"));
        Assert.Equal(4, _engine.Requests.Count);
    }

    [Fact]
    public async Task GetUserAsync_NeverConnects_ThrowsTheConnectionFailureAfterMaxRetries()
    {
        _engine.Refuse(count: 3);
        var client = Client(new() { MaxRetries = 2, RetryBaseDelay = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetUserAsync("u-42"));

        Assert.Equal("Connection refused", error.Message);
        Assert.Equal(3, _engine.Requests.Count);
    }

    [Fact]
    public async Task GetUserAsync_AttemptTimesOut_IsRetried()
    {
        _engine.Hang().Answer(HttpStatusCode.NotFound);
        var client = Client(new() { Timeout = TimeSpan.FromSeconds(2), MaxRetries = 1, RetryBaseDelay = TimeSpan.Zero });

        var asking = client.GetUserAsync("u-42");
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Null(await asking.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, _engine.Requests.Count);
    }

    [Fact]
    public async Task GetUserAsync_NoAttemptAnswered_ThrowsTimeoutNamingTheRequest()
    {
        _engine.Hang();
        var client = Client(new() { Timeout = TimeSpan.FromSeconds(2), MaxRetries = 0 });

        var asking = client.GetUserAsync("u-42");
        _time.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => asking.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("GET /api/users/u-42 got no answer within 2 s.", error.Message);
    }

    [Fact]
    public async Task GetUserAsync_CallerCancels_IsNotRetried()
    {
        _engine.Hang();
        var client = Client(new() { MaxRetries = 3 });
        using var cancel = new CancellationTokenSource();

        var asking = client.GetUserAsync("u-42", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(_engine.Requests);
    }

    public void Dispose() => _client?.Dispose();

    private EcomOrleansClient Client(EcomOrleansClientOptions options)
    {
        options.BaseAddress = new Uri("http://engine.test");
        _client = EcomOrleansClient.Create(options, _engine, _time);
        return _client;
    }
}
