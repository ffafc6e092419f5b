using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using EcomOrleans.LoadGen.Http;

namespace EcomOrleans.LoadGen.Tests.Support;

/// <summary>
/// An in-memory stand-in for the engine's HTTP API: dedupes events by id like the real ingestion, records every
/// request, and can be told to answer the next requests with a failure or to refuse the connection.
/// </summary>
internal sealed class StubEngine : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _seen = [];
    private readonly Queue<HttpStatusCode?> _failures = new();

    public List<StubRequest> Requests { get; } = [];

    /// <summary>Event ids in the order the stub received them, duplicates included.</summary>
    public List<StubEvent> Events { get; } = [];

    /// <summary>The next <paramref name="count"/> requests get <paramref name="status"/>, or no connection when null.</summary>
    public void FailNext(int count, HttpStatusCode? status)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue(status);
            }
        }
    }

    /// <summary>The load generator's engine client over this stub, with <paramref name="retries"/> and no backoff unless given.</summary>
    public EngineClient CreateEngineClient(
        string? apiKey = "test-key", int retries = EngineHttp.WriteRetries, TimeSpan? retryBaseDelay = null, TimeProvider? time = null) =>
        new(EngineOptions.For(apiKey, retries, retryBaseDelay), this, time ?? TimeProvider.System);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var apiKey = request.Headers.TryGetValues("X-Api-Key", out var keys) ? keys.Single() : null;
        lock (_lock)
        {
            Requests.Add(new StubRequest(request.Method, request.RequestUri!.AbsolutePath, apiKey, request.Content?.Headers.ContentType?.MediaType, body));
            if (_failures.TryDequeue(out var failure))
            {
                return failure is { } status
                    ? new HttpResponseMessage(status)
                    : throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
            }

            if (apiKey != "test-key")
            {
                return new HttpResponseMessage(HttpStatusCode.Unauthorized);
            }

            return request.Method == HttpMethod.Post ? Ingest(body) : PutSku(request.RequestUri.AbsolutePath, body);
        }
    }

    /// <summary>Answers a PUT as the engine does: the SKU, its facts as sent, in stock, with no demand yet.</summary>
    private static HttpResponseMessage PutSku(string path, string body)
    {
        using var facts = JsonDocument.Parse(body);
        var sku = new Dictionary<string, object?> { ["sku"] = Uri.UnescapeDataString(path.Split('/')[^1]) };
        foreach (var fact in facts.RootElement.EnumerateObject())
        {
            sku[fact.Name] = fact.Value.Clone();
        }

        sku["inStock"] = true;
        sku["lostUnits"] = 0;
        sku["totals"] = new { views = 0, clicks = 0, carts = 0, purchases = 0, units = 0, revenue = 0m };
        sku["updatedAt"] = "2026-11-20T10:00:00+00:00";
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(sku), Encoding.UTF8, "application/json"),
        };
    }

    private HttpResponseMessage Ingest(string body)
    {
        using var json = JsonDocument.Parse(body);
        int accepted = 0, duplicates = 0;
        foreach (var e in json.RootElement.GetProperty("events").EnumerateArray())
        {
            var id = e.GetProperty("eventId").GetString()!;
            Events.Add(new StubEvent(id, e.GetProperty("userId").GetString()!));
            if (_seen.Add(id))
            {
                accepted++;
            }
            else
            {
                duplicates++;
            }
        }

        return new HttpResponseMessage(HttpStatusCode.Accepted)
        {
            Content = new StringContent($$"""{"accepted":{{accepted}},"duplicates":{{duplicates}}}""", Encoding.UTF8, "application/json"),
        };
    }
}
