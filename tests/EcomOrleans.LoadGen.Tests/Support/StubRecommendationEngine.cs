using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using EcomOrleans.Client;
using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Load;
using Microsoft.Extensions.Time.Testing;

namespace EcomOrleans.LoadGen.Tests.Support;

/// <summary>
/// An in-memory stand-in for the engine's recommendation and event APIs. Every user is recommended the same
/// <see cref="Catalog"/> less what they bought (unless <see cref="IgnorePurchases"/>); users in
/// <see cref="PersonalizedUsers"/> get <c>modelVersion</c> "v1", others "none"; users in <see cref="FailingUsers"/> get
/// that status. Each answered request moves the fake clock by <see cref="RequestTime"/>.
/// </summary>
internal sealed class StubRecommendationEngine(FakeTimeProvider time) : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<string>> _bought = [];

    public IReadOnlyList<string> Catalog { get; init; } = ["beauty-1", "beauty-2", "beauty-3"];

    public HashSet<string> PersonalizedUsers { get; init; } = [];

    public Dictionary<string, HttpStatusCode> FailingUsers { get; init; } = [];

    /// <summary>Users with nothing to recommend.</summary>
    public HashSet<string> EmptyUsers { get; init; } = [];

    public bool IgnorePurchases { get; init; }

    /// <summary>When set, every request fails to connect.</summary>
    public bool Unreachable { get; init; }

    public TimeSpan RequestTime { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Recommendation requests, by user, in the order they came.</summary>
    public List<string> RecommendationRequests { get; } = [];

    /// <summary>The bot's messages, by user, in the order they came.</summary>
    public List<(string User, string Message)> IntentRequests { get; } = [];

    /// <summary>Every event posted, as JSON.</summary>
    public List<JsonElement> Events { get; } = [];

    /// <summary>A recommendation probe over this stub, without retries as a load run makes it.</summary>
    public RecommendationClient CreateRecommendationClient(int count, string? apiKey = "test-key") =>
        new(EcomOrleansClient.Create(EngineOptions.For(apiKey, retries: 0), this, time), count);

    /// <summary>The load generator's engine client over this stub, with <paramref name="retries"/> and no backoff.</summary>
    public EngineClient CreateEngineClient(string? apiKey = "test-key", int retries = EngineHttp.WriteRetries) =>
        new(EngineOptions.For(apiKey, retries), this, time);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Unreachable)
        {
            throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_lock)
        {
            time.Advance(RequestTime);
            var path = request.RequestUri!.AbsolutePath;
            if (request.Method == HttpMethod.Post && path.EndsWith("/intent", StringComparison.Ordinal))
            {
                IntentRequests.Add((Uri.UnescapeDataString(path.Split('/')[3]), JsonDocument.Parse(body).RootElement.GetProperty("message").GetString()!));
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            }

            return request.Method == HttpMethod.Get
                ? Recommend(Uri.UnescapeDataString(path.Split('/')[3]))
                : Ingest(request.Headers.TryGetValues("X-Api-Key", out var keys) ? keys.Single() : null, body);
        }
    }

    private HttpResponseMessage Recommend(string user)
    {
        RecommendationRequests.Add(user);
        if (FailingUsers.TryGetValue(user, out var status))
        {
            return new HttpResponseMessage(status);
        }

        var bought = _bought.GetValueOrDefault(user) ?? [];
        var items = EmptyUsers.Contains(user) ? [] : Catalog.Where(sku => IgnorePurchases || !bought.Contains(sku));
        var json = JsonSerializer.Serialize(new
        {
            recommendationId = "rec-1",
            modelVersion = PersonalizedUsers.Contains(user) ? "v1" : "none",
            items = items.Select(sku => new { sku, score = 0.5, reason = "popular" }),
        });
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }

    private HttpResponseMessage Ingest(string? apiKey, string body)
    {
        if (apiKey != "test-key")
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }

        using var json = JsonDocument.Parse(body);
        var events = json.RootElement.GetProperty("events");
        if (events.GetArrayLength() == 0)
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest);
        }

        foreach (var e in events.EnumerateArray())
        {
            Events.Add(e.Clone());
            var user = e.GetProperty("userId").GetString()!;
            if (!_bought.TryGetValue(user, out var set))
            {
                set = [];
                _bought[user] = set;
            }

            set.Add(e.GetProperty("sku").GetString()!);
        }

        return new HttpResponseMessage(HttpStatusCode.Accepted)
        {
            Content = new StringContent($$"""{"accepted":{{events.GetArrayLength()}},"duplicates":0}""", Encoding.UTF8, "application/json"),
        };
    }
}
