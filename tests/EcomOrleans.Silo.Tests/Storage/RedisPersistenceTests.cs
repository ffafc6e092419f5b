using System.Net;
using System.Net.Http.Json;
using EcomOrleans.Engine.Storage;
using StackExchange.Redis;

namespace EcomOrleans.Silo.Tests.Storage;

/// <summary>
/// Acknowledged means durable: the engine refuses a Redis that would lose acknowledged writes in a crash. Runs on
/// the volatile Redis <c>.ci/run</c> starts beside the persistent one (no append-only file).
/// </summary>
[Trait("Category", "Redis")]
public sealed class RedisPersistenceTests
{
    public const string VolatileVariable = "ECOM_TEST_REDIS_VOLATILE";

    private static string VolatileRedis
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(VolatileVariable);
            Skip.If(string.IsNullOrWhiteSpace(value), $"Set {VolatileVariable} to a Redis without an append-only file (e.g. 127.0.0.1:6391) to run this; .ci/run does.");
            return value!;
        }
    }

    [SkippableFact]
    public async Task Startup_OnARedisWithoutAnAppendOnlyFile_ExitsWith1AndOneLineSayingHowToFixIt()
    {
        var redis = VolatileRedis;

        var (exitCode, _, stderr) = await SiloProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Redis",
            ["ConnectionStrings__Redis"] = redis,
            ["Orleans__ServiceId"] = $"test-{Guid.NewGuid():N}",
            ["Urls"] = "http://127.0.0.1:0",
        });

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"error: Redis at {redis} does not persist every write (appendonly is off): events the engine acknowledged would be lost if Redis crashed. " +
            "Start it with --appendonly yes --appendfsync always (or everysec, which may lose the last second), " +
            "or set Storage:Redis:AllowUnpersisted=true to run anyway, degraded." + Environment.NewLine,
            stderr);
    }

    [SkippableFact]
    public async Task Startup_OnARedisWithoutAnAppendOnlyFile_RunsDegradedWhenAllowed()
    {
        var redis = VolatileRedis;
        var settings = new Dictionary<string, string> { ["Storage:Redis:AllowUnpersisted"] = "true" };
        await using var engine = new EngineFactory(new RedisStore(redis), settings: settings);

        var accepted = await engine.CreateWriter().PostAsJsonAsync("/api/events", Json.Batch(Json.Event("e1", $"u-{Guid.NewGuid():N}", "view", DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [SkippableFact]
    public async Task Check_ReadsHowTheServerSyncsItsAppendOnlyFile()
    {
        var persistent = new RedisStore().ConnectionString;
        var redis = VolatileRedis;
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"{redis},allowAdmin=true");
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        await using var persistentConnection = await ConnectionMultiplexer.ConnectAsync($"{persistent},allowAdmin=true");

        Assert.Equal(RedisPersistence.AppendOnlyAlways, await RedisPersistenceCheck.ReadAsync(persistentConnection.GetServer(persistentConnection.GetEndPoints()[0])));
        Assert.Equal(RedisPersistence.None, await RedisPersistenceCheck.ReadAsync(server));
        try
        {
            await server.ConfigSetAsync("appendfsync", "everysec");
            await server.ConfigSetAsync("appendonly", "yes");
            Assert.Equal(RedisPersistence.AppendOnlyEverySecond, await RedisPersistenceCheck.ReadAsync(server));
            await server.ConfigSetAsync("appendfsync", "no");
            Assert.Equal(RedisPersistence.AppendOnlyUnsynced, await RedisPersistenceCheck.ReadAsync(server));
        }
        finally
        {
            await server.ConfigSetAsync("appendonly", "no");
        }
    }
}
