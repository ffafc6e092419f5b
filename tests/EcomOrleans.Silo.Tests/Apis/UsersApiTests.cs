using System.Net;
using System.Net.Http.Json;

namespace EcomOrleans.Silo.Tests.Apis;

[Collection(EngineCollection.Name)]
public sealed class UsersApiTests(EngineFactory engine)
{
    [Fact]
    public async Task DeleteUser_ForgetsTheProfile()
    {
        var writer = engine.CreateWriter();
        var user = $"u-{Guid.NewGuid():N}";
        await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", user, "view", engine.Time.GetUtcNow())));
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/api/users/{user}")).StatusCode);

        var delete = await writer.DeleteAsync($"/api/users/{user}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/api/users/{user}")).StatusCode);
    }

    [Fact]
    public async Task DeleteUser_WithoutKey_Answers401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await engine.CreateClient().DeleteAsync("/api/users/u-1")).StatusCode);
    }

    [Fact]
    public async Task GetUser_TrailingNewline_Answers400NamingTheRule()
    {
        var response = await engine.CreateWriter().GetAsync("/api/users/u-1%0A");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["'userId' must be 1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit; got 'u-1\n'."],
            (await response.ReadErrorsAsync())["userId"]);
    }

    [Fact]
    public async Task Health_LiveAndReady_AreHealthy()
    {
        var client = engine.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task Metrics_AfterIngestion_ExportsTheEngineInstruments()
    {
        var writer = engine.CreateWriter();
        await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event($"m-{Guid.NewGuid():N}", "u-metrics", "click", engine.Time.GetUtcNow())));

        var scrape = await writer.GetStringAsync("/metrics");

        Assert.Contains("ecom_ingest_events_total{", scrape);
        Assert.Contains("kind=\"click\"", scrape);
        Assert.Contains("ecom_ingest_duration_seconds_bucket{", scrape);
        Assert.Contains("orleans_", scrape);
    }
}
