using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcomOrleans.Client.Tests.Support;

/// <summary>
/// A scripted stand-in for the engine: answers each request with the next scripted answer (a status and body, a refused
/// connection, or no answer until cancelled) and records every request as it arrived.
/// </summary>
internal sealed class FakeEngine : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _answers = new();

    public List<SentRequest> Requests { get; } = [];

    /// <summary>The next request gets <paramref name="status"/> with <paramref name="json"/> as its body.</summary>
    public FakeEngine Answer(HttpStatusCode status, string? json = null, string mediaType = "application/json", int? retryAfterSeconds = null)
    {
        return Then(_ =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, mediaType);
            }

            if (retryAfterSeconds is { } seconds)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
            }

            return Task.FromResult(response);
        });
    }

    /// <summary>The next <paramref name="count"/> requests get <paramref name="status"/> with a problem body.</summary>
    public FakeEngine Fail(HttpStatusCode status, int count = 1, int? retryAfterSeconds = null)
    {
        for (var i = 0; i < count; i++)
        {
            Answer(status, $$"""{"title":"Refused {{(int)status}}","status":{{(int)status}}}""", "application/problem+json", retryAfterSeconds);
        }

        return this;
    }

    /// <summary>The next <paramref name="count"/> requests find no engine: the connection is refused.</summary>
    public FakeEngine Refuse(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Then(_ => Task.FromException<HttpResponseMessage>(
                new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused))));
        }

        return this;
    }

    /// <summary>The next request is never answered; it ends only when it is cancelled (by the attempt timeout).</summary>
    public FakeEngine Hang() => Then(async cancellationToken =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Func<CancellationToken, Task<HttpResponseMessage>> answer;
        lock (_lock)
        {
            Requests.Add(new SentRequest(
                request.Method,
                request.RequestUri!.PathAndQuery,
                request.Headers.TryGetValues("X-Api-Key", out var keys) ? string.Join(",", keys) : null,
                request.Content?.Headers.ContentType?.ToString(),
                body));
            answer = _answers.Count > 0 ? _answers.Dequeue() : throw new InvalidOperationException($"No answer scripted for request {Requests.Count}.");
        }

        return await answer(cancellationToken);
    }

    private FakeEngine Then(Func<CancellationToken, Task<HttpResponseMessage>> answer)
    {
        lock (_lock)
        {
            _answers.Enqueue(answer);
        }

        return this;
    }
}
