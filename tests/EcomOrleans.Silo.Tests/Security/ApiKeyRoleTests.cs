using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOrleans.Silo.Tests.Security;

/// <summary>Keys kept as hashes, each with roles; every endpoint names the role it needs; reads need a key.</summary>
public sealed class ApiKeyRoleTests : IAsyncLifetime
{
    private const string StorefrontKey = "storefront-key-0123456789";
    private const string ProducerKey = "producer-key-0123456789";

    private readonly EngineFactory _engine = new(store: null, settings: new Dictionary<string, string>
    {
        ["Security:Keys:storefront:Hash"] = Hash(StorefrontKey),
        ["Security:Keys:storefront:Roles"] = "read",
        ["Security:Keys:producer:Hash"] = Hash(ProducerKey),
        ["Security:Keys:producer:Roles"] = "ingest",
        ["Security:ProtectMetrics"] = "true",
    });

    [Fact]
    public async Task EachKey_DoesWhatItsRolesAllow_AndIsRefusedTheRestWith403()
    {
        var now = _engine.Time.GetUtcNow();
        var storefront = Client(StorefrontKey);
        var producer = Client(ProducerKey);
        var admin = _engine.CreateWriter(); // Security:ApiKey: every role

        Assert.Equal(HttpStatusCode.Accepted, (await producer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", "u-roles", "view", now)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await storefront.GetAsync("/api/users/u-roles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await storefront.GetAsync("/api/users/u-roles/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await storefront.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/users/u-roles")).StatusCode);

        var readByProducer = await producer.GetAsync("/api/users/u-roles");
        var writeByStorefront = await storefront.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e2", "u-roles", "view", now)));
        var forgetByStorefront = await storefront.DeleteAsync("/api/users/u-roles");
        var catalogByProducer = await producer.PutAsJsonAsync("/api/skus/sku-roles", new { title = "t", category = "c", brand = "b", price = 1m, cost = 0m, stock = 1, leadTimeDays = 1 });

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { readByProducer, writeByStorefront, forgetByStorefront, catalogByProducer }.Select(r => r.StatusCode));
        Assert.Equal("The key 'producer' has the roles ingest; this needs 'read'.", (string?)(await readByProducer.ReadObjectAsync())["detail"]);
        Assert.Equal("The key 'storefront' has the roles read; this needs 'ingest'.", (string?)(await writeByStorefront.ReadObjectAsync())["detail"]);
        Assert.Equal("The key 'storefront' has the roles read; this needs 'admin'.", (string?)(await forgetByStorefront.ReadObjectAsync())["detail"]);
        Assert.Equal("application/problem+json", readByProducer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WithoutAKey_ReadsAndMetricsAre401_HealthAnswers()
    {
        var anonymous = _engine.CreateClient();

        var profile = await anonymous.GetAsync("/api/users/u-any");
        var metrics = await anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, profile.StatusCode);
        Assert.Equal("Send a key with the 'read' role in the X-Api-Key header.", (string?)(await profile.ReadObjectAsync())["detail"]);
        Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client("not-a-key-0123456789").GetAsync("/api/skus/sku-1")).StatusCode);
    }

    [Fact]
    public async Task AKeyAddedOrRemovedInConfiguration_TakesEffectWithoutARestart()
    {
        const string Rotated = "rotated-key-0123456789";
        var configuration = (IConfigurationRoot)_engine.Services.GetRequiredService<IConfiguration>();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(Rotated).GetAsync("/api/skus/sku-1")).StatusCode);

        configuration["Security:Keys:rotated:Hash"] = Hash(Rotated);
        configuration["Security:Keys:rotated:Roles"] = "read";
        configuration.Reload();
        var withNewKey = await Client(Rotated).GetAsync("/api/skus/sku-1");
        configuration["Security:Keys:storefront:Hash"] = Hash("retired-" + StorefrontKey);
        configuration.Reload();
        var withRetiredKey = await Client(StorefrontKey).GetAsync("/api/skus/sku-1");

        Assert.Equal(HttpStatusCode.NotFound, withNewKey.StatusCode); // let in: the SKU is just unknown
        Assert.Equal(HttpStatusCode.Unauthorized, withRetiredKey.StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    internal static string Hash(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private HttpClient Client(string key)
    {
        var client = _engine.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}

/// <summary>With <c>Security:AnonymousReads</c>, reads need no key; writes still do.</summary>
public sealed class AnonymousReadsTests : IAsyncLifetime
{
    private readonly EngineFactory _engine = new(store: null, settings: new Dictionary<string, string> { ["Security:AnonymousReads"] = "true" });

    [Fact]
    public async Task Reads_NeedNoKey_WritesStillDo()
    {
        var anonymous = _engine.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/users/u-nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/api/users/u-nobody")).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();
}
