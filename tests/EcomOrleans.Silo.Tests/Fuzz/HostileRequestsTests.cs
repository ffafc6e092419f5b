using System.Net;
using System.Net.Http.Json;
using System.Text;
using CsCheck;
using Xunit.Abstractions;

namespace EcomOrleans.Silo.Tests.Fuzz;

/// <summary>
/// Thousands of generated hostile requests over every endpoint: odd ids and paths, broken and adversarial JSON,
/// wrong media types, numbers as strings, repeated and unknown fields, no key or a wrong one. None may answer 5xx,
/// every refusal is problem details, and the engine answers correctly afterwards.
/// </summary>
/// <remarks>
/// NOTE: in process (TestServer), so Kestrel's own refusals (414, 431, raw bytes or an encoded NUL in the request
/// line, which TestServer's client throws on before sending) are not exercised here; RequestSizeLimitsTests sends
/// them over a raw socket to the built engine.
/// </remarks>
public sealed class HostileRequestsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 5_000;

    private readonly EngineFactory _engine = new(store: null);
    private readonly Dictionary<HttpStatusCode, int> _statuses = [];

    private static readonly string[] Segments =
    [
        "u-1", "beauty-17", "", " ", "a%0A", "a%01b", "beauty-17%0A", "..%2F..%2Fetc", "%2e%2e", "😀", "é", new string('a', 129),
        new string('s', 65), "a b", "a%20b", "%", "%ZZ", "<script>", "'; DROP TABLE users;--", "${jndi:ldap://x}", "null", "-1", "0x7f",
    ];

    private static readonly string[] Bodies =
    [
        "", "null", "[]", "{}", "[1,", "{", "\"\"", "true", "1e999", "{\"events\":null}", "{\"events\":{}}", "{\"events\":[null]}",
        "{\"events\":[{}]}", "{\"events\":[{\"eventId\":\"e\",\"eventId\":\"f\"}]}", "{\"events\":[{\"quantity\":\"2\"}]}",
        "{\"events\":[{\"quantity\":99999999999999999999}]}", "{\"events\":[{\"timestamp\":\"yesterday\"}]}", "{\"title\":{\"$ne\":1}}",
        "{\"title\":\"t\",\"category\":\"c\",\"brand\":\"b\",\"price\":-1e308,\"cost\":0,\"stock\":1,\"leadTimeDays\":1}",
        "{\"title\":\"t\",\"category\":\"c\",\"brand\":\"b\",\"price\":\"1\",\"cost\":0,\"stock\":1,\"leadTimeDays\":1}",
        "{\"title\":\"\\u0000\",\"category\":\"c\",\"brand\":\"b\",\"price\":1,\"cost\":0,\"stock\":1,\"leadTimeDays\":1,\"extra\":1}",
        new string('[', 10_000) + new string(']', 10_000), "{\"a\":\"" + new string('x', 100_000) + "\"}", "\uFEFF{}", "\"\\ud800\"",
    ];

    private static readonly string?[] MediaTypes = ["application/json", "application/json; charset=utf-16", "text/plain", "application/xml", "application/merge-patch+json", null];

    private static readonly string?[] Keys = [EngineFactory.ApiKey, EngineFactory.ApiKey, EngineFactory.ApiKey, EngineFactory.ApiKey, EngineFactory.ApiKey, null, "", "wrong-key-0123456789", EngineFactory.ApiKey + " "];

    private static readonly (string Method, string Path)[] Endpoints =
    [
        ("POST", "/api/events"), ("GET", "/api/users/{0}"), ("DELETE", "/api/users/{0}"), ("GET", "/api/users/{0}/recommendations"),
        ("PUT", "/api/skus/{0}"), ("GET", "/api/skus/{0}"), ("GET", "/api/skus/{0}/demand"), ("GET", "/api/insights/demand-gaps"),
        ("PATCH", "/api/skus/{0}"), ("GET", "/api/events"), ("POST", "/api/users/{0}"), ("GET", "/api/{0}"),
    ];

    private static readonly string[] Queries =
    [
        "", "?count=abc", "?count=-1", "?count=1e3", "?count=999999999999", "?count=10&count=11", "?sessionId=%00", "?category=%20",
        "?category=" + new string('c', 300), "?granularity=week", "?granularity=", "?granularity=HOUR", "?sessionId=s-1&category=skincare",
    ];

    private static readonly Gen<HostileRequest> Hostile =
        from endpoint in Gen.Int[0, Endpoints.Length - 1]
        from segment in Gen.Frequency((3, Gen.Int[0, Segments.Length - 1].Select(i => Segments[i])), (1, Gen.String[Gen.Char, 0, 40].Where(t => !t.Contains('\0', StringComparison.Ordinal)).Select(Uri.EscapeDataString)))
        from query in Gen.Int[0, Queries.Length - 1]
        from body in Gen.Frequency((3, Gen.Int[0, Bodies.Length - 1].Select(i => Bodies[i])), (1, Gen.String[Gen.Char, 0, 200]), (1, ValidEvents()))
        from media in Gen.Int[0, MediaTypes.Length - 1]
        from key in Gen.Int[0, Keys.Length - 1]
        select new HostileRequest(
            Endpoints[endpoint].Method, string.Format(System.Globalization.CultureInfo.InvariantCulture, Endpoints[endpoint].Path, segment) + Queries[query],
            body, MediaTypes[media], Keys[key]);

    [Fact]
    public async Task HostileRequests_AreAnsweredWith4xxProblemDetails_NeverA5xx_AndTheEngineStillAnswers()
    {
        var client = _engine.CreateClient();
        var count = 0;

        await Hostile.SampleAsync(
            async request =>
            {
                using var message = request.ToMessage();
                using var response = await client.SendAsync(message);
                var status = (int)response.StatusCode;
                lock (_statuses)
                {
                    _statuses[response.StatusCode] = _statuses.GetValueOrDefault(response.StatusCode) + 1;
                    count++;
                }

                Assert.True(status < 500, $"{request} answered {status}: {await response.Content.ReadAsStringAsync()}");
                if (status >= 400)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            },
            iter: Requests,
            threads: 4,
            seed: "0000000000000");

        output.WriteLine(string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")));
        Assert.Equal(Requests, count);

        // Still itself: an event is acknowledged and shows in the profile.
        var writer = _engine.CreateWriter();
        var user = $"u-after-fuzz-{Guid.NewGuid():N}";
        var accepted = await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e-after", user, "view", _engine.Time.GetUtcNow(), "beauty-17")));
        Assert.Equal("""{"accepted":1,"duplicates":0}""", await accepted.Content.ReadAsStringAsync());
        Assert.Equal(1, (int)(await (await writer.GetAsync($"/api/users/{user}")).ReadObjectAsync())["totalEvents"]!);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    /// <summary>Well-formed batches with one thing wrong, or nothing: the validator's side of the edge.</summary>
    private static Gen<string> ValidEvents() =>
        from kind in Gen.Int[0, 7].Select(i => new[] { "view", "click", "add_to_cart", "purchase", "search", "remove_from_cart", "refund", "" }[i])
        from quantity in Gen.Int[-5, 2_000]
        from price in Gen.Double[-10, 2_000_000]
        from skew in Gen.Int[-400, 400]
        select $$"""{"events":[{"eventId":"e-{{skew}}","userId":"u-fuzz","sessionId":"s-1","kind":"{{kind}}","sku":"beauty-17","quantity":{{quantity}},"price":{{price.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"timestamp":"{{DateTimeOffset.UnixEpoch.AddYears(56).AddDays(skew):O}}"}]}""";

    private sealed record HostileRequest(string Method, string Path, string Body, string? MediaType, string? Key)
    {
        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), Path);
            if (Method is "POST" or "PUT" or "PATCH")
            {
                message.Content = new StringContent(Body, Encoding.UTF8);
                message.Content.Headers.ContentType = MediaType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(MediaType);
            }

            if (Key is not null)
            {
                message.Headers.TryAddWithoutValidation("X-Api-Key", Key);
            }

            return message;
        }

        public override string ToString() => $"{Method} {Path} [{MediaType}] key={(Key is null ? "none" : Key.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))} body={(Body.Length <= 80 ? Body : Body[..80] + "...")}";
    }
}
