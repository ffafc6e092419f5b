using System.Net;
using System.Net.Http.Json;
using EcomOrleans.Events;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Skus;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace EcomOrleans.Silo.Tests.Storage;

/// <summary>Durability claims, checked against a real Redis server.</summary>
[Trait("Category", "Redis")]
public sealed class RedisDurabilityTests
{
    [SkippableFact]
    public async Task StateWrittenThroughTheApi_SurvivesDeactivationAndASiloRestart()
    {
        var redis = RedisServer.ConnectionString;
        var serviceId = $"test-{Guid.NewGuid():N}";
        var user = $"u-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        var purchase = Json.Event("p1", user, "purchase", now, "sku-durable", quantity: 2);

        await using (var first = new EngineFactory(redis, serviceId))
        {
            var writer = first.CreateWriter();
            await writer.PutAsJsonAsync("/api/skus/sku-durable", new { title = "Serum", category = "skincare", brand = "acme", price = 20m, cost = 8m, stock = 10, leadTimeDays = 5 });
            var accepted = await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("v1", user, "view", now, "sku-durable"), purchase));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

            await first.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

            Assert.Equal(2, (int)(await (await writer.GetAsync($"/api/users/{user}")).ReadObjectAsync())["totalEvents"]!);
        }

        await using var second = new EngineFactory(redis, serviceId);
        var client = second.CreateWriter();
        var profile = await (await client.GetAsync($"/api/users/{user}")).ReadObjectAsync();
        var sku = await (await client.GetAsync("/api/skus/sku-durable")).ReadObjectAsync();
        var resent = await client.PostAsJsonAsync("/api/events", Json.Batch(purchase));

        Assert.Equal(2, (int)profile["totalEvents"]!);
        Assert.Equal(8, (int)sku["stock"]!);
        // The idempotency window was stored too: the re-sent purchase is a duplicate, not a second sale.
        Assert.Equal("""{"accepted":0,"duplicates":1}""", await resent.Content.ReadAsStringAsync());
        Assert.Equal(8, (int)(await (await client.GetAsync("/api/skus/sku-durable")).ReadObjectAsync())["stock"]!);

        // A user grain whose write failed forwards its events again: the SKU's own stored window drops them too.
        await second.Grains.GetGrain<ISkuGrain>("sku-durable").ApplyEventsAsync([new SkuEvent(StableHash.Of(user, "p1"), EventKind.Purchase, 2, null, now)], []);
        Assert.Equal(8, (await second.Grains.GetGrain<ISkuGrain>("sku-durable").GetAsync())!.Stock);
    }

    [SkippableFact]
    public async Task Forget_RemovesTheStoredState()
    {
        var redis = RedisServer.ConnectionString;
        var user = $"u-{Guid.NewGuid():N}";
        await using var engine = new EngineFactory(redis);
        var writer = engine.CreateWriter();
        await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", user, "view", DateTimeOffset.UtcNow, "sku-forget")));
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        Assert.Single(server.Keys(pattern: $"*{user}*").ToList());

        var deleted = await writer.DeleteAsync($"/api/users/{user}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(server.Keys(pattern: $"*{user}*").ToList());
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/api/users/{user}")).StatusCode);
    }

    [SkippableFact]
    public async Task TwoSilosOnOneRedis_ServeTheSameGrainConsistently()
    {
        var redis = RedisServer.ConnectionString;
        var serviceId = $"test-{Guid.NewGuid():N}";
        await using var a = new EngineFactory(redis, serviceId);
        await using var b = new EngineFactory(redis, serviceId);
        var writerA = a.CreateWriter();
        var writerB = b.CreateWriter();
        await WaitForActiveSilosAsync(a, 2);
        await WaitForActiveSilosAsync(b, 2);
        var now = DateTimeOffset.UtcNow;
        var users = Enumerable.Range(0, 20).Select(i => $"u-{i}-{Guid.NewGuid():N}").ToList();

        foreach (var user in users)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await writerA.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", user, "view", now)))).StatusCode);
            var viaB = await writerB.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", user, "view", now), Json.Event("e2", user, "click", now)));
            Assert.Equal("""{"accepted":1,"duplicates":1}""", await viaB.Content.ReadAsStringAsync());
        }

        // A stock-out acknowledged through silo A has reached silo B's catalog read model by the time of the 202.
        var sku = $"sku-{Guid.NewGuid():N}";
        await writerA.PutAsJsonAsync($"/api/skus/{sku}", new { title = "Last one", category = "skincare", brand = "acme", price = 20m, cost = 8m, stock = 1, leadTimeDays = 5 });
        var catalogB = b.Services.GetRequiredService<CatalogProjection>();
        Assert.True(catalogB.CanRecommend(sku, null));
        // A buyer of its own: affinities decay between reads, so the users compared below must stay without categories.
        var buyer = $"u-buyer-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Accepted, (await writerA.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("p1", buyer, "purchase", now, sku, quantity: 1)))).StatusCode);
        Assert.False(catalogB.CanRecommend(sku, null));

        foreach (var user in users)
        {
            // The user's embedding is refreshed in the background, so its fields may change once
            // between two reads; silo B's answer must be what silo A said just before or just after it.
            var before = await writerA.GetStringAsync($"/api/users/{user}");
            var fromB = await writerB.GetStringAsync($"/api/users/{user}");
            var after = await writerA.GetStringAsync($"/api/users/{user}");
            Assert.Contains(fromB, new[] { before, after });
            Assert.Contains("\"totalEvents\":2", fromB);
        }
    }

    private static async Task WaitForActiveSilosAsync(EngineFactory engine, int count)
    {
        // Event-driven, not polling: membership publishes a snapshot on every change.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var membership = engine.Services.GetRequiredService<IClusterMembershipService>();
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(timeout.Token))
        {
            if (snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) >= count)
            {
                return;
            }
        }
    }
}
