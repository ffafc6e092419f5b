using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;
using System.Net.Http.Json;
using EcomOrleans.Events;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Skus;
using EcomOrleans.Users;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace EcomOrleans.Silo.Tests.Storage;

/// <summary>Redis, started by <c>.ci/run</c>.</summary>
[Trait("Category", "Redis")]
public sealed class RedisStoreContractTests() : DurableStoreContractTests(() => new RedisStore());

/// <summary>Azure Table storage through Orleans' own provider, on Azurite started by <c>.ci/run</c>.</summary>
[Trait("Category", "AzureTable")]
public sealed class AzureTableStoreContractTests(ITestOutputHelper output) : DurableStoreContractTests(() => new AzureTableStore())
{
    [SkippableFact]
    public async Task AStoreThatStopsAnswering_IsAnswered503NotHeld_AndTheRetryIsAppliedOnce()
    {
        var direct = new AzureTableStore($"state{Guid.NewGuid():N}");
        await using var proxy = HangingProxy.To(new IPEndPoint(IPAddress.Loopback, direct.TableEndpoint.Port));
        var store = new AzureTableStore(direct.TableName, direct.WithTablePort(proxy.Port));
        var user = $"u-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await using var engine = new EngineFactory(store);
        var writer = engine.CreateWriter();
        writer.Timeout = TimeSpan.FromSeconds(60);
        Assert.Equal(HttpStatusCode.Accepted, (await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", user, "view", now)))).StatusCode);

        // The table service stops answering (nothing refused, nothing closed) under the running engine.
        proxy.Hang();
        var clock = Stopwatch.StartNew();
        var refused = await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e2", user, "click", now)));
        output.WriteLine($"answered {(int)refused.StatusCode} after {clock.Elapsed.TotalSeconds:F1} s with the table service hung");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1", refused.Headers.RetryAfter?.ToString());

        // Answering again: the client's retry of the same batch is applied, once.
        proxy.Resume();
        await engine.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var retried = await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e2", user, "click", now)));
        var again = await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e2", user, "click", now)));

        Assert.Equal("""{"accepted":1,"duplicates":0}""", await retried.Content.ReadAsStringAsync());
        Assert.Equal("""{"accepted":0,"duplicates":1}""", await again.Content.ReadAsStringAsync());
        Assert.Equal(2, (int)(await (await writer.GetAsync($"/api/users/{user}")).ReadObjectAsync())["totalEvents"]!);
    }

    [SkippableFact]
    public async Task AWriteTheTableRefuses_IsNotAcknowledged_AndTheRetryIsAppliedOnce()
    {
        var store = new AzureTableStore($"state{Guid.NewGuid():N}");
        var user = $"u-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await using var engine = new EngineFactory(store);
        var writer = engine.CreateWriter();
        Assert.Equal(HttpStatusCode.Accepted, (await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", user, "view", now)))).StatusCode);

        // The table goes away under the running engine: no write can be durable now.
        await store.Table.DeleteAsync();
        var refused = await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e2", user, "click", now)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1", refused.Headers.RetryAfter?.ToString());

        // Back again (empty): the client's retry of the same batch is applied, once.
        await store.Table.CreateIfNotExistsAsync();
        await engine.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var retried = await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e2", user, "click", now)));
        var again = await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e2", user, "click", now)));

        Assert.Equal("""{"accepted":1,"duplicates":0}""", await retried.Content.ReadAsStringAsync());
        Assert.Equal("""{"accepted":0,"duplicates":1}""", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await store.CountStoredAsync(engine.ServiceId, user));
    }
}

/// <summary>
/// What the engine needs of a durable store, written once and run against every durable provider: write, read,
/// clear, ETag conflicts, state surviving deactivation and a silo restart, forget deleting the record, two silos
/// forming one cluster, and a silo killed without warning.
/// </summary>
public abstract class DurableStoreContractTests(Func<DurableStore> store)
{
    private DurableStore Store => store();

    [SkippableFact]
    public async Task Provider_WritesReadsAndClears_ThroughTheEnginesSerializer()
    {
        var durable = Store;
        await using var engine = new EngineFactory(durable);
        _ = engine.CreateClient(); // starts the host
        var storage = engine.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
        var grain = GrainId.Create("contract", Guid.NewGuid().ToString("N"));
        var written = new GrainState<ContractProbe>(new ContractProbe { Text = "sérum ✓", Count = 3 });

        await storage.WriteStateAsync("probe", grain, written);
        var read = new GrainState<ContractProbe>();
        await storage.ReadStateAsync("probe", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(("sérum ✓", 3), (read.State!.Text, read.State.Count));
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(1, await durable.CountStoredAsync(engine.ServiceId, grain.Key.ToString()!));

        await storage.ClearStateAsync("probe", grain, read);
        var cleared = new GrainState<ContractProbe>();
        await storage.ReadStateAsync("probe", grain, cleared);

        Assert.False(cleared.RecordExists);
        Assert.Null(cleared.State?.Text);
        Assert.Equal(0, await durable.CountStoredAsync(engine.ServiceId, grain.Key.ToString()!));
    }

    [SkippableFact]
    public async Task Provider_AWriteWithAStaleETag_IsAnInconsistentStateException()
    {
        await using var engine = new EngineFactory(Store);
        _ = engine.CreateClient();
        var storage = engine.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
        var grain = GrainId.Create("contract", Guid.NewGuid().ToString("N"));
        var first = new GrainState<ContractProbe>(new ContractProbe { Count = 1 });
        await storage.WriteStateAsync("probe", grain, first);
        var stale = new GrainState<ContractProbe>(new ContractProbe { Count = 2 }) { ETag = first.ETag };

        // Another activation (or silo) writes in between: the first one's ETag is stale now.
        await storage.WriteStateAsync("probe", grain, first);
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grain, stale));
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.ClearStateAsync("probe", grain, stale));

        var read = new GrainState<ContractProbe>();
        await storage.ReadStateAsync("probe", grain, read);
        Assert.Equal(1, read.State!.Count);
    }

    [SkippableFact]
    public async Task StateWrittenThroughTheApi_IsStoredByThe202_AndSurvivesDeactivationAndASiloRestart()
    {
        var durable = Store;
        var serviceId = $"test-{Guid.NewGuid():N}";
        var user = $"u-{Guid.NewGuid():N}";
        var sku = $"sku-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        var purchase = Json.Event("p1", user, "purchase", now, sku, quantity: 2);

        await using (var first = new EngineFactory(durable, serviceId))
        {
            var writer = first.CreateWriter();
            await writer.PutAsJsonAsync($"/api/skus/{sku}", new { title = "Serum", category = "skincare", brand = "acme", price = 20m, cost = 8m, stock = 10, leadTimeDays = 5 });
            var accepted = await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("v1", user, "view", now, sku), purchase));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

            // Acknowledged means stored: the user's record and the SKU's hot and cold records are in the store now.
            Assert.Equal(1, await durable.CountStoredAsync(serviceId, user));
            Assert.Equal(2, await durable.CountStoredAsync(serviceId, sku));

            await first.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

            Assert.Equal(2, (int)(await (await writer.GetAsync($"/api/users/{user}")).ReadObjectAsync())["totalEvents"]!);
        }

        await using var second = new EngineFactory(durable, serviceId);
        var client = second.CreateWriter();
        var profile = await (await client.GetAsync($"/api/users/{user}")).ReadObjectAsync();
        var stored = await (await client.GetAsync($"/api/skus/{sku}")).ReadObjectAsync();
        var resent = await client.PostAsJsonAsync("/api/events", Json.Batch(purchase));

        Assert.Equal(2, (int)profile["totalEvents"]!);
        Assert.Equal(8, (int)stored["stock"]!);
        // The idempotency window was stored too: the re-sent purchase is a duplicate, not a second sale.
        Assert.Equal("""{"accepted":0,"duplicates":1}""", await resent.Content.ReadAsStringAsync());
        Assert.Equal(8, (int)(await (await client.GetAsync($"/api/skus/{sku}")).ReadObjectAsync())["stock"]!);

        // A user grain whose write failed forwards its events again: the SKU's own stored window drops them too.
        await second.Grains.GetGrain<ISkuGrain>(sku).ApplyEventsAsync([new SkuEvent(StableHash.Of(user, "p1"), EventKind.Purchase, 2, null, now)], []);
        Assert.Equal(8, (await second.Grains.GetGrain<ISkuGrain>(sku).GetAsync())!.Stock);
    }

    [SkippableFact]
    public async Task SpilledDedupKeys_SurviveASiloRestart_AndStillDropAResentEvent()
    {
        var durable = Store;
        var serviceId = $"test-{Guid.NewGuid():N}";
        var user = $"u-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        // 70 events: the first batch's 64 keys spill to the user's dedup record, the last 6 stay in its own state.
        var events = Enumerable.Range(0, 70).Select(i => Json.Event($"e{i}", user, "view", now.AddSeconds(i), "sku-spill")).ToArray();

        await using (var first = new EngineFactory(durable, serviceId))
        {
            var writer = first.CreateWriter();
            Assert.Equal(HttpStatusCode.Accepted, (await writer.PostAsJsonAsync("/api/events", Json.Batch(events[..64]))).StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, (await writer.PostAsJsonAsync("/api/events", Json.Batch(events[64..]))).StatusCode);

            Assert.Equal(2, await durable.CountStoredAsync(serviceId, user));
        }

        await using var second = new EngineFactory(durable, serviceId);
        var client = second.CreateWriter();
        var resent = await client.PostAsJsonAsync("/api/events", Json.Batch(events[3], events[63], events[69]));

        Assert.Equal("""{"accepted":0,"duplicates":3}""", await resent.Content.ReadAsStringAsync());
        Assert.Equal(70, (int)(await (await client.GetAsync($"/api/users/{user}")).ReadObjectAsync())["totalEvents"]!);

        // Forgetting the user deletes both of its records.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/users/{user}")).StatusCode);
        Assert.Equal(0, await durable.CountStoredAsync(serviceId, user));
    }

    [SkippableFact]
    public async Task StoredStateDeletedUnderARunningGrain_IsNoticedOnTheNextRead_NotServedFromMemory()
    {
        var durable = Store;
        var user = $"u-{Guid.NewGuid():N}";
        await using var engine = new EngineFactory(durable, settings: new Dictionary<string, string> { ["Grains:Users:StoredStateRecheck"] = "00:00:00" });
        var writer = engine.CreateWriter();
        await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", user, "view", DateTimeOffset.UtcNow, "sku-vanish")));
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/api/users/{user}")).StatusCode);

        // The record goes away behind the activation's back (a restore, an operator, a store that lost it).
        await durable.DeleteStoredAsync(engine.ServiceId, user);

        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/api/users/{user}")).StatusCode);
    }

    [SkippableFact]
    public async Task StoredUserDeletedUnderARunningGrain_TakesItsSpilledDedupRecordWithIt()
    {
        var durable = Store;
        var user = $"u-{Guid.NewGuid():N}";
        await using var engine = new EngineFactory(durable, settings: new Dictionary<string, string> { ["Grains:Users:StoredStateRecheck"] = "00:00:00" });
        var writer = engine.CreateWriter();
        var now = DateTimeOffset.UtcNow;
        // 70 events: 64 keys spill to the user's dedup record, which is written before the user's own.
        var events = Enumerable.Range(0, 70).Select(i => Json.Event($"e{i}", user, "view", now.AddSeconds(i), "sku-orphan")).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await writer.PostAsJsonAsync("/api/events", Json.Batch(events[..64]))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await writer.PostAsJsonAsync("/api/events", Json.Batch(events[64..]))).StatusCode);
        Assert.Equal(2, await durable.CountStoredAsync(engine.ServiceId, user));

        // Only the user's own record goes away behind the activation's back.
        await durable.DeleteStoredAsync(engine.ServiceId, user, except: StorageNames.UserDedupState);
        Assert.Equal(1, await durable.CountStoredAsync(engine.ServiceId, user));

        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/api/users/{user}")).StatusCode);
        Assert.Equal(0, await durable.CountStoredAsync(engine.ServiceId, user));
    }

    [SkippableFact]
    public async Task StoredSkuDeletedUnderARunningGrain_IsNoticedOnTheNextRead_AndLeavesTheReadModel()
    {
        var durable = Store;
        var sku = $"sku-vanish-{Guid.NewGuid():N}";
        await using var engine = new EngineFactory(durable, settings: new Dictionary<string, string> { ["Grains:Skus:StoredStateRecheck"] = "00:00:00" });
        var writer = engine.CreateWriter();
        await writer.PutAsJsonAsync($"/api/skus/{sku}", new { title = "Vanishing", category = "skincare", brand = "acme", price = 20m, cost = 8m, stock = 5, leadTimeDays = 5 });
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/api/skus/{sku}")).StatusCode);
        var catalog = engine.Services.GetRequiredService<CatalogProjection>();
        Assert.True(catalog.CanRecommend(sku, null));

        await durable.DeleteStoredAsync(engine.ServiceId, sku);

        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/api/skus/{sku}")).StatusCode);
        Assert.False(catalog.CanRecommend(sku, null));
        // The next activation loads what the store holds: nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/api/skus/{sku}")).StatusCode);
    }

    [SkippableFact]
    public async Task Forget_DeletesTheStoredRecord()
    {
        var durable = Store;
        var user = $"u-{Guid.NewGuid():N}";
        await using var engine = new EngineFactory(durable);
        var writer = engine.CreateWriter();
        await writer.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", user, "view", DateTimeOffset.UtcNow, "sku-forget")));
        Assert.Equal(1, await durable.CountStoredAsync(engine.ServiceId, user));

        var deleted = await writer.DeleteAsync($"/api/users/{user}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, await durable.CountStoredAsync(engine.ServiceId, user));
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/api/users/{user}")).StatusCode);
    }

    [SkippableFact]
    public async Task TwoSilos_FormOneCluster_AndServeTheSameGrainConsistently()
    {
        var durable = Store;
        var serviceId = $"test-{Guid.NewGuid():N}";
        await using var a = new EngineFactory(durable, serviceId);
        await using var b = new EngineFactory(durable, serviceId);
        var writerA = a.CreateWriter();
        var writerB = b.CreateWriter();
        await Cluster.WaitForAsync(a, snapshot => Cluster.Active(snapshot) >= 2);
        await Cluster.WaitForAsync(b, snapshot => Cluster.Active(snapshot) >= 2);
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

    [SkippableFact]
    public async Task ASiloKilledWithoutWarning_IsDeclaredDead_AndItsGrainsComeBackOnTheOther()
    {
        var durable = Store;
        var serviceId = $"test-{Guid.NewGuid():N}";
        await using var a = new EngineFactory(durable, serviceId, settings: Cluster.FastFailureDetection);
        var writerA = a.CreateWriter();
        using var b = SiloProcess.Start(durable, serviceId);
        await Cluster.WaitForAsync(a, snapshot => Cluster.Active(snapshot) >= 2);
        var siloA = a.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var management = a.Grains.GetGrain<IManagementGrain>(0);
        var now = DateTimeOffset.UtcNow;

        // Shoppers whose grains live on silo B. Placement chooses the silo (by load, Orleans' default), so write
        // through both silos' APIs until some have landed on B.
        var onB = new List<string>();
        for (var i = 0; i < 500 && onB.Count < 5; i++)
        {
            var user = $"u-{i}-{Guid.NewGuid():N}";
            var api = i % 2 == 0 ? b.Client : writerA;
            Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", user, "view", now), Json.Event("e2", user, "click", now)))).StatusCode);
            if (await management.GetActivationAddress(a.Grains.GetGrain<IUserGrain>(user)) is { } host && !host.Equals(siloA))
            {
                onB.Add(user);
            }
        }

        Assert.NotEmpty(onB);
        var siloB = (await management.GetHosts(onlyActive: true)).Keys.Single(s => !s.Equals(siloA));

        b.Kill();
        await Cluster.WaitForAsync(a, snapshot => snapshot.GetSiloStatus(siloB) == SiloStatus.Dead);

        foreach (var user in onB)
        {
            var profile = await (await writerA.GetAsync($"/api/users/{user}")).ReadObjectAsync();
            Assert.Equal(2, (int)profile["totalEvents"]!);
            Assert.Equal(siloA, await management.GetActivationAddress(a.Grains.GetGrain<IUserGrain>(user)));
        }
    }

    public sealed class ContractProbe
    {
        public string? Text { get; set; }

        public int Count { get; set; }
    }
}
