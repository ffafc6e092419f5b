using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOrleans.Silo.Tests.ApiReference;

/// <summary>
/// The OpenAPI document describes every endpoint the engine maps, with every status it can answer, and its examples
/// are requests the engine accepts.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class OpenApiDocumentTests(EngineFactory engine)
{
    private const string DocumentPath = "/openapi/v1.json";

    /// <summary>What README.md's table says each endpoint answers.</summary>
    private static readonly Dictionary<string, string[]> Answers = new(StringComparer.Ordinal)
    {
        ["post /api/events"] = ["202", "400", "401", "403", "413", "415", "429", "503"],
        ["get /api/users/{userId}"] = ["200", "400", "401", "403", "404", "429", "503"],
        ["delete /api/users/{userId}"] = ["204", "400", "401", "403", "429", "503"],
        ["get /api/users/{userId}/recommendations"] = ["200", "400", "401", "403", "429", "503"],
        ["get /api/users/{userId}/intent"] = ["200", "400", "401", "403", "404", "429", "503"],
        ["post /api/users/{userId}/intent"] = ["200", "400", "401", "403", "413", "415", "429", "503"],
        ["put /api/skus/{sku}"] = ["200", "400", "401", "403", "413", "415", "429", "503"],
        ["get /api/skus/{sku}"] = ["200", "400", "401", "403", "404", "429", "503"],
        ["get /api/skus/{sku}/demand"] = ["200", "400", "401", "403", "404", "429", "503"],
        ["get /api/skus"] = ["200", "400", "401", "403", "429", "503"],
        ["get /api/skus/{sku}/decisions"] = ["200", "400", "401", "403", "404", "429", "503"],
        ["post /api/skus/{sku}/price"] = ["200", "400", "401", "403", "404", "409", "413", "415", "429", "503"],
        ["post /api/skus/{sku}/forecast"] = ["200", "400", "401", "403", "404", "429", "503"],
        ["get /api/insights/demand-gaps"] = ["200", "400", "401", "403", "429", "503"],
        ["get /metrics"] = ["200"],
        ["get /health/live"] = ["200"],
        ["get /health/ready"] = ["200", "503"],
    };

    [Fact]
    public async Task Document_IsServedWithoutAKey_AndDescribesEveryMappedEndpointWithItsMethod()
    {
        var operations = Operations(await ReadDocumentAsync());

        var mapped = MappedEndpoints().ToList();

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(operations.Keys));
        Assert.Empty(operations.Keys.Except(mapped));
    }

    [Fact]
    public async Task Document_DeclaresEveryStatusEachEndpointAnswers()
    {
        var operations = Operations(await ReadDocumentAsync());

        var declared = operations.ToDictionary(o => o.Key, o => o.Value["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal).ToArray());

        Assert.Equal(Answers.Keys.Order(StringComparer.Ordinal), declared.Keys.Order(StringComparer.Ordinal));
        foreach (var (operation, statuses) in Answers)
        {
            Assert.True(statuses.SequenceEqual(declared[operation]), $"{operation} declares {string.Join(", ", declared[operation])}; it answers {string.Join(", ", statuses)}.");
        }
    }

    [Fact]
    public async Task Document_EveryApiOperation_NeedsTheKeyAndSaysWhatEachStatusMeans()
    {
        var operations = Operations(await ReadDocumentAsync());

        foreach (var (name, operation) in operations)
        {
            Assert.False(string.IsNullOrEmpty((string?)operation["operationId"]), $"{name} has no operationId.");
            Assert.False(string.IsNullOrEmpty((string?)operation["summary"]), $"{name} has no summary.");
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                Assert.False(ReasonPhrases.GetReasonPhrase(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)) == (string?)response!["description"], $"{name} {status} says only its reason phrase.");
            }

            if (name.Contains(" /api/", StringComparison.Ordinal))
            {
                // Every API operation validates its input, is guarded by the key filter and admission control, and calls grains.
                Assert.Empty(new[] { "400", "401", "403", "429", "503" }.Except(operation["responses"]!.AsObject().Select(r => r.Key)));
                Assert.Equal("""[{"ApiKey":[]}]""", operation["security"]?.ToJsonString());
            }
            else
            {
                Assert.Null(operation["security"]);
            }
        }
    }

    /// <summary>
    /// On an engine of its own (the README test posts the same events to the shared one), with the shared fake clock:
    /// the SKU first, as the batch buys it.
    /// </summary>
    [Fact]
    public async Task Document_RequestExamples_AreAcceptedByTheEngine_WithTheAnswersItShows()
    {
        await using var own = new EngineFactory(store: null);
        var operations = Operations(await ReadDocumentAsync());
        var client = own.CreateWriter();
        var examples = operations.Where(o => o.Value["requestBody"]?["content"]?["application/json"]?["example"] is not null).ToDictionary();

        Assert.Equal(["post /api/events", "post /api/skus/{sku}/price", "post /api/users/{userId}/intent", "put /api/skus/{sku}"], examples.Keys.Order(StringComparer.Ordinal));
        foreach (var name in new[] { "put /api/skus/{sku}", "post /api/events", "post /api/users/{userId}/intent", "post /api/skus/{sku}/price" })
        {
            var operation = examples[name];
            var (method, path) = (name.Split(' ')[0], name.Split(' ')[1]);
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                path = path.Replace($"{{{parameter!["name"]}}}", (string)parameter["example"]!, StringComparison.Ordinal);
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(operation["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            var response = await client.SendAsync(request);

            var body = await response.Content.ReadAsStringAsync();
            if (name == "post /api/skus/{sku}/price")
            {
                // A suggestion id is made by the engine from the SKU's state, so no example can name a real one: the body is
                // well formed and valid (no 400), and the engine looks the id up and says it has none of that id.
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: expected 404, got {(int)response.StatusCode} {body}");
                Assert.Equal("Unknown suggestion", (string?)JsonNode.Parse(body)!["title"]);
                continue;
            }

            var success = operation["responses"]!.AsObject().Single(r => r.Key.StartsWith('2'));
            Assert.True(success.Key == ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{name}: expected {success.Key}, got {(int)response.StatusCode} {body}");
            // An answer that depends on a model and the clock (the intent) shows no example; its status is checked.
            if (success.Value!["content"]?["application/json"]?["example"] is { } example)
            {
                Assert.True(JsonNode.DeepEquals(example, JsonNode.Parse(body)), $"{name}: the document shows {example.ToJsonString()}, the engine answered {body}.");
            }
        }
    }

    [Fact]
    public async Task DescriptionRoutes_AreServedWithoutAKey_AndNotRateLimited()
    {
        // The factory's engine runs in Development, where the reference page is on.
        Assert.Equal(HttpStatusCode.OK, (await engine.CreateClient().GetAsync("/scalar/")).StatusCode);

        var description = engine.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => IsDescriptionRoute(e.RoutePattern.RawText))
            .ToList();

        Assert.NotEmpty(description);
        Assert.All(description, e => Assert.Null(e.Metadata.GetMetadata<EnableRateLimitingAttribute>()));
    }

    private async Task<JsonObject> ReadDocumentAsync()
    {
        var response = await engine.CreateClient().GetAsync(DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    /// <summary>"method path" of every route the engine maps (GET for those mapped without a method), but the document's and the page's own.</summary>
    private IEnumerable<string> MappedEndpoints() =>
        engine.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsDescriptionRoute(e.RoutePattern.RawText))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method.ToLowerInvariant()} /{e.RoutePattern.RawText!.Trim('/')}"))
            .Distinct();

    private static Dictionary<string, JsonObject> Operations(JsonObject document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Key: $"{op.Key} {path.Key}", Operation: op.Value!.AsObject())))
            .ToDictionary(o => o.Key, o => o.Operation, StringComparer.Ordinal);

    private static bool IsDescriptionRoute(string? pattern) =>
        pattern is not null && (pattern.StartsWith("/openapi/", StringComparison.Ordinal) || pattern.StartsWith("/scalar", StringComparison.Ordinal));
}
