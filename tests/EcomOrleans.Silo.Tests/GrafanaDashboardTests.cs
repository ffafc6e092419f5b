using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcomOrleans.Silo.Tests.Storage;

namespace EcomOrleans.Silo.Tests;

/// <summary>Every metric a dashboard in grafana/ queries is one the engine really exports.</summary>
/// <remarks>
/// NOTE: against a silo in a process of its own, as it runs in production. Every silo has a meter named
/// Microsoft.Orleans, and an engine's metrics pipeline listens to every meter of that name in the process: with the
/// test run's other engines starting and stopping beside it, its scrape now and then lacked an observable gauge
/// (orleans_catalog_activations) or a histogram that another silo's meter had shadowed.
/// </remarks>
public sealed partial class GrafanaDashboardTests
{
    [Fact]
    public async Task Dashboards_QueryOnlyMetricsTheEngineExports()
    {
        using var silo = SiloProcess.Start(store: null, $"test-{Guid.NewGuid():N}");
        var writer = silo.Client;
        var now = DateTimeOffset.UtcNow;
        var sku = $"dash-{Guid.NewGuid():N}"[..20];
        await writer.PutAsJsonAsync($"/api/skus/{sku}", new { title = "t", category = "c", brand = "b", price = 1m, cost = 0m, stock = 0, leadTimeDays = 1 });
        // A view and a purchase of an item with no stock (out-of-stock views, oversold units), a duplicate, and a rejected batch.
        var purchase = Json.Event($"d-{Guid.NewGuid():N}", "u-dash", "purchase", now, sku, quantity: 1);
        await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event($"o-{Guid.NewGuid():N}", "u-dash", "view", now, sku), purchase, purchase));
        await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("x", "u-dash", "nope", now)));
        // A recommendation of an in-stock item, and a click attributed to it. It comes from session co-views, which the
        // SKU grains count before the events are acknowledged (trending is reported without waiting, so a test
        // cannot know when the ranking has it): another shopper viewed it just before the anchor u-dash views now.
        var category = $"dash-{Guid.NewGuid():N}";
        var recommended = $"dash-rec-{Guid.NewGuid():N}"[..24];
        var anchor = $"dash-anc-{Guid.NewGuid():N}"[..24];
        foreach (var listed in new[] { recommended, anchor })
        {
            await writer.PutAsJsonAsync($"/api/skus/{listed}", new { title = "t", category, brand = "b", price = 1m, cost = 0m, stock = 5, leadTimeDays = 1 });
        }

        await writer.PostAsJsonAsync("/api/events", Json.Batch(
            Json.Event($"v-{Guid.NewGuid():N}", "u-dash-other", "view", now.AddSeconds(-2), recommended, sessionId: "s-co"),
            Json.Event($"v-{Guid.NewGuid():N}", "u-dash-other", "view", now.AddSeconds(-1), anchor, sessionId: "s-co")));
        await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event($"v-{Guid.NewGuid():N}", "u-dash", "view", now, anchor, sessionId: "s-dash")));
        var recommendation = await (await writer.GetAsync($"/api/users/u-dash/recommendations?count=1&category={category}&sessionId=s-dash")).ReadObjectAsync();
        Assert.Equal(recommended, (string?)recommendation["items"]![0]!["sku"]);
        var click = Json.Event($"c-{Guid.NewGuid():N}", "u-dash", "click", now, recommended, recommendationId: (string?)recommendation["recommendationId"]);
        await writer.PostAsJsonAsync("/api/events", Json.Batch(click));
        // A user the sequence model knows, so that the inference pool runs a batch.
        await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event($"m-{Guid.NewGuid():N}", "u-dash-model", "view", now, "beauty-12")));
        await writer.GetAsync("/api/users/u-dash-model/recommendations?count=1");
        var exported = ExportedNames(await writer.GetStringAsync("/metrics"));

        var queried = Directory.GetFiles(Repository.PathOf("grafana"), "*.json")
            .SelectMany(file => Expressions(JsonNode.Parse(File.ReadAllText(file))!))
            .SelectMany(expr => MetricName().Matches(Grouping().Replace(expr, "")).Select(m => m.Value))
            .ToHashSet();

        Assert.NotEmpty(queried);
        Assert.Empty(queried.Except(exported));
    }

    private static IEnumerable<string> Expressions(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "expr" && p.Value is JsonValue v ? [v.GetValue<string>()] : p.Value is null ? [] : Expressions(p.Value)),
        JsonArray a => a.SelectMany(item => item is null ? [] : Expressions(item)),
        _ => [],
    };

    private static HashSet<string> ExportedNames(string scrape) =>
        scrape.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('{', ' ')[0])
            .ToHashSet();

    /// <summary>"by (label, ...)" names labels, not metrics.</summary>
    [GeneratedRegex(@"\bby \([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\b(?:ecom|orleans|http|dotnet|kestrel|aspnetcore)_[a-z0-9_]+\b")]
    private static partial Regex MetricName();
}
