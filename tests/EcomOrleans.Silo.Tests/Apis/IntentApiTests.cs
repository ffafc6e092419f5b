using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace EcomOrleans.Silo.Tests.Apis;

/// <summary>The customer-service bot's endpoints on the whole engine with the committed intent model.</summary>
[Collection(EngineCollection.Name)]
public sealed class IntentApiTests(EngineFactory engine)
{
    [SkippableTheory]
    [InlineData("I want to cancel my order", "cancel_order")]
    [InlineData("I would like a refund please", "get_refund")]
    [InlineData("where is my package", "track_order")]
    [InlineData("I forgot my password", "recover_password")]
    [InlineData("can I talk to a real person please", "contact_human_agent")]
    [InlineData("I need to change my shipping address", "change_shipping_address")]
    [InlineData("which payment methods do you accept", "check_payment_methods")]
    [InlineData("how long does delivery take", "delivery_period")]
    public async Task PostIntent_RealUtterance_AnswersItsIntent(string message, string intent)
    {
        RequireModel();

        var answer = await PostAsync($"u-{Guid.NewGuid():N}", new { message });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.ReadObjectAsync();
        Assert.Equal(intent, (string?)body["message"]!["intent"]);
        Assert.Null(body["message"]!["fallbackReason"]);
        Assert.Equal(3, body["message"]!["top"]!.AsArray().Count);
        Assert.True((double)body["message"]!["inScope"]! >= (double)body["message"]!["inScopeThreshold"]!);
    }

    [SkippableTheory]
    [InlineData("what's the weather like tomorrow")]
    [InlineData("asdkjh qwpoeiru zmxncb")]
    public async Task PostIntent_OutOfScopeOrGibberish_IsTheFallback(string message)
    {
        RequireModel();

        var body = await (await PostAsync($"u-{Guid.NewGuid():N}", new { message })).ReadObjectAsync();

        // Far from every intent's training messages: the in-scope rule answers before the probabilities are read.
        Assert.Equal("fallback", (string?)body["message"]!["intent"]);
        Assert.StartsWith("the message is far from every intent's examples: similarity ", (string?)body["message"]!["fallbackReason"]);
        Assert.True((double)body["message"]!["inScope"]! < (double)body["message"]!["inScopeThreshold"]!);
    }

    [SkippableFact]
    public async Task PostIntent_RefundAfterAPurchase_RefersToThatPurchase_AndRaisesTheComplaintRisk()
    {
        RequireModel();
        var user = $"u-{Guid.NewGuid():N}";
        var bought = engine.Time.GetUtcNow();
        var writer = engine.CreateWriter();
        await writer.PostAsJsonAsync("/api/events", Json.Batch(
            Json.Event($"e-{Guid.NewGuid():N}", user, "view", bought, sku: "sku-blender"),
            Json.Event($"e-{Guid.NewGuid():N}", user, "purchase", bought, sku: "sku-blender", quantity: 1, price: 49.9m)));

        var body = await (await PostAsync(user, new { message = "I want a refund, the blender arrived broken" })).ReadObjectAsync();

        Assert.Equal("get_refund", (string?)body["message"]!["intent"]);
        Assert.Equal("sku-blender", (string?)body["message"]!["refersTo"]!["sku"]);
        Assert.Equal(0.8, (double?)body["signals"]!["complaintRisk"]!["value"]);
        Assert.Equal("get refund: the order of sku-blender bought 0 min ago", (string?)body["needs"]![0]!["need"]);
    }

    [Fact]
    public async Task GetIntent_OpenCart_ReportsTheSignalsWithTheirEvidence()
    {
        var user = $"u-{Guid.NewGuid():N}";
        var at = engine.Time.GetUtcNow();
        await engine.CreateWriter().PostAsJsonAsync("/api/events", Json.Batch(
            Json.Event($"e-{Guid.NewGuid():N}", user, "view", at, sku: "sku-serum"),
            Json.Event($"e-{Guid.NewGuid():N}", user, "add_to_cart", at, sku: "sku-serum", quantity: 2)));

        var response = await engine.CreateWriter().GetAsync($"/api/users/{user}/intent");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Null(body["message"]);
        Assert.Equal("sku-serum", (string?)body["signals"]!["skus"]![0]!["key"]);
        Assert.Equal(0.5, (double?)body["signals"]!["purchasePropensity"]!["value"]);
        Assert.Equal("2 units of sku-serum in the cart", (string?)body["signals"]!["cartAbandonment"]!["evidence"]![0]);
    }

    [Fact]
    public async Task GetIntent_UnknownUser_Answers404()
    {
        var response = await engine.CreateWriter().GetAsync($"/api/users/u-nobody-{Guid.NewGuid():N}/intent");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string, string> BadMessages => new()
    {
        { """{"message":""}""", "The message is empty." },
        { """{"message":"   \n\t "}""", "The message is empty." },
        { """{}""", "The message is required: {\"message\": \"...\"}." },
        { """{"message":"where is \u0000my order"}""", "The message must be text: character 10 is U+0000, a control character." },
        { """{"message":"refund \ud800 please"}""", "'message' is not text: it holds half of a UTF-16 surrogate pair." },
        { $$"""{"message":"{{new string('a', 1_001)}}"}""", "The message is 1001 characters; at most 1000 are taken." },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public async Task PostIntent_BadMessage_Answers400WithTheExactError(string body, string error)
    {
        var response = await engine.CreateWriter().PostAsync($"/api/users/u-1/intent", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([error], (await response.ReadErrorsAsync())["message"]);
    }

    [Fact]
    public async Task PostIntent_MessageNotAString_Answers400NamingTheField()
    {
        var response = await engine.CreateWriter().PostAsync($"/api/users/u-1/intent", new StringContent("""{"message":42}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["'message' has the wrong JSON type (a number must not be quoted, a text must be)."], (await response.ReadErrorsAsync())["message"]);
    }

    [Fact]
    public async Task PostIntent_NotJson_Answers415()
    {
        var response = await engine.CreateWriter().PostAsync($"/api/users/u-1/intent", new StringContent("where is my order", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string user, object body) =>
        engine.CreateWriter().PostAsJsonAsync($"/api/users/{user}/intent", body);

    private static void RequireModel() =>
        Skip.IfNot(File.Exists(Repository.PathOf("models", "intent", "manifest.json")), "models/intent is not there: train it first (docs/models.md).");
}
