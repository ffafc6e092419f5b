using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EcomOrleans.Silo.Tests.Metrics;

/// <summary>
/// A short, deterministic stretch of traffic that makes a silo export every series the dashboards in grafana/ read: events
/// of each kind, a duplicate and a rejected batch, a shopper's dedup keys spilled, a sold-out SKU viewed and oversold, an attributed click, a model
/// recommendation, inference requests refused by a queue of one, and a SKU whose price history gives a price suggestion
/// that is accepted (and a next one left pending). Each run uses ids of its own: run it twice, a scrape apart, and every
/// counter has grown since Prometheus first saw it (a counter's first sample has no rate).
/// </summary>
internal static class DashboardScenario
{
    /// <summary>
    /// The silo settings the scenario needs: the sequence model runs one request at a time with a queue of one, so a
    /// burst of concurrent recommendations is refused past the second request.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> SiloSettings = new Dictionary<string, string?>
    {
        ["Inference:Sequence:QueueCapacity"] = "1",
        ["Inference:Sequence:ConcurrentBatches"] = "1",
        ["Inference:Sequence:MaxBatchSize"] = "1",
    };

    public static async Task RunAsync(HttpClient writer, Func<Task<string>> scrape)
    {
        var now = DateTimeOffset.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var soldOut = $"dash-out-{tag}";
        await Ok(writer.PutAsJsonAsync($"/api/skus/{soldOut}", new { title = "t", category = "c", brand = "b", price = 1m, cost = 0m, stock = 0, leadTimeDays = 1 }));
        // A view and a purchase of an item with no stock (out-of-stock views, oversold units), a duplicate, and a rejected batch.
        var purchase = Json.Event($"d-{tag}", "u-dash", "purchase", now, soldOut, quantity: 1);
        await Ok(writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event($"o-{tag}", "u-dash", "view", now, soldOut), purchase, purchase)));
        await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("x", "u-dash", "nope", now)));

        // A recommendation of an in-stock item, and a click attributed to it. It comes from session co-views, which the
        // SKU grains count before the events are acknowledged: another shopper viewed it just before the anchor u-dash views now.
        var category = $"dash-{tag}";
        var recommended = $"dash-rec-{tag}";
        var anchor = $"dash-anc-{tag}";
        foreach (var listed in new[] { recommended, anchor })
        {
            await Ok(writer.PutAsJsonAsync($"/api/skus/{listed}", new { title = "t", category, brand = "b", price = 1m, cost = 0m, stock = 5, leadTimeDays = 1 }));
        }

        await Ok(writer.PostAsJsonAsync("/api/events", Json.Batch(
            Json.Event($"v-{tag}-1", "u-dash-other", "view", now.AddSeconds(-2), recommended, sessionId: "s-co"),
            Json.Event($"v-{tag}-2", "u-dash-other", "view", now.AddSeconds(-1), anchor, sessionId: "s-co"))));
        await Ok(writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event($"v-{tag}-3", "u-dash", "view", now, anchor, sessionId: "s-dash"))));
        var recommendation = await (await writer.GetAsync($"/api/users/u-dash/recommendations?count=1&category={category}&sessionId=s-dash")).ReadObjectAsync();
        Assert.Equal(recommended, (string?)recommendation["items"]![0]!["sku"]);
        var recommendationId = (string?)recommendation["recommendationId"];
        var click = Json.Event($"c-{tag}", "u-dash", "click", now, recommended, recommendationId: recommendationId);
        var bought = Json.Event($"b-{tag}", "u-dash", "purchase", now, recommended, quantity: 1, price: 1m, recommendationId: recommendationId);
        await Ok(writer.PostAsJsonAsync("/api/events", Json.Batch(click, bought)));

        // A shopper whose first batch is past the 64 keys a user keeps in its own state: its keys spill to the user's
        // dedup record, which is read before it is written.
        await Ok(writer.PostAsJsonAsync("/api/events", Json.Batch(
            [.. Enumerable.Range(0, 70).Select(i => Json.Event($"s-{tag}-{i}", $"u-spill-{tag}", "view", now.AddSeconds(-i), anchor))])));

        await PriceSuggestionAcceptedAsync(writer, tag, now);
        await InferenceRejectionsAsync(writer, tag, now, scrape);
    }

    /// <summary>
    /// 60 days at 9 or 11 (a week each) selling 100 × (price / 10)^-2 units a day, as in the grains' decision tests: an
    /// elasticity of -1.96 with a tight interval, so the decisions suggest a markdown, which is accepted; the decisions
    /// after it suggest the next step, left pending.
    /// </summary>
    private static async Task PriceSuggestionAcceptedAsync(HttpClient writer, string tag, DateTimeOffset now)
    {
        var sku = $"dash-price-{tag}";
        await Ok(writer.PutAsJsonAsync($"/api/skus/{sku}", new { title = "Juice", category = "dash-grocery", brand = "b", price = 10m, cost = 4m, stock = 20_000, leadTimeDays = 7 }));
        var events = Enumerable.Range(1, 60).Select(d =>
        {
            var price = (d / 7) % 2 == 0 ? 9m : 11m;
            var units = (int)Math.Round(100 * Math.Pow((double)price / 10, -2));
            return Json.Event($"p-{tag}-{d}", $"u-price-{tag}", "purchase", now.AddDays(-d), sku, quantity: units, price: price);
        }).ToArray();
        await Ok(writer.PostAsJsonAsync("/api/events", Json.Batch(events)));

        var decisions = await (await Ok(writer.GetAsync($"/api/skus/{sku}/decisions"))).ReadObjectAsync();
        var suggestion = (string?)decisions["price"]!["suggestionId"];
        Assert.True(suggestion is not null, $"no price suggestion: {decisions["price"]}");
        await Ok(writer.PostAsJsonAsync($"/api/skus/{sku}/price", new { suggestionId = suggestion }));
        await Ok(writer.GetAsync($"/api/skus/{sku}/decisions"));
    }

    /// <summary>Bursts of recommendations for shoppers the sequence model knows, until the queue of one has refused some.</summary>
    private static async Task InferenceRejectionsAsync(HttpClient writer, string tag, DateTimeOffset now, Func<Task<string>> scrape)
    {
        for (var round = 0; round < 10; round++)
        {
            var users = Enumerable.Range(0, 48).Select(i => $"u-model-{tag}-{round}-{i}").ToArray();
            await Ok(writer.PostAsJsonAsync("/api/events", Json.Batch([.. users.Select((u, i) =>
                Json.Event($"m-{u}", u, "view", now, $"beauty-{12 + i}"))])));
            await Task.WhenAll(users.Select(u => writer.GetAsync($"/api/users/{u}/recommendations?count=3")));
            if ((await scrape()).Contains("ecom_inference_rejected_total{", StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail("Ten bursts of 48 recommendations against a sequence-model queue of one were never refused.");
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>Every PromQL expression (<c>expr</c>) of every dashboard in grafana/dashboards, with its dashboard and panel.</summary>
    public static IReadOnlyList<(string Dashboard, string Title, string Expr)> Expressions() =>
        [.. Directory.GetFiles(Repository.PathOf("grafana", "dashboards"), "*.json").Order(StringComparer.Ordinal)
            .SelectMany(file => Panels(JsonNode.Parse(File.ReadAllText(file))!)
                .SelectMany(p => (p["targets"]?.AsArray() ?? []).Select(t => (Path.GetFileName(file), (string?)p["title"] ?? "", (string)t!["expr"]!))))];

    private static IEnumerable<JsonNode> Panels(JsonNode dashboard) =>
        (dashboard["panels"]?.AsArray() ?? []).SelectMany(p => p is null ? [] : new[] { p }.Concat(p["panels"]?.AsArray().OfType<JsonNode>() ?? []));
}
