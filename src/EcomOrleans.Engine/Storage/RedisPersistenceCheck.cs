using EcomOrleans.Engine.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EcomOrleans.Engine.Storage;

/// <summary>A durable store that would not keep what the engine acknowledges: start-up stops, saying how to fix it.</summary>
public sealed class StoreNotDurableException(string message) : Exception(message);

/// <summary>
/// What a Redis server keeps of an acknowledged write if it crashes: only an append-only file synced on every
/// write (<c>appendfsync always</c>) keeps all of it; <c>everysec</c> may lose the last second; RDB snapshots alone,
/// or <c>appendfsync no</c>, lose minutes.
/// </summary>
public enum RedisPersistence
{
    /// <summary>No append-only file: a crash loses every write since the last snapshot.</summary>
    None,

    /// <summary>An append-only file the OS flushes when it likes (about every 30 s).</summary>
    AppendOnlyUnsynced,

    /// <summary>An append-only file synced every second: a crash loses up to the last second.</summary>
    AppendOnlyEverySecond,

    /// <summary>An append-only file synced before each write is answered: nothing acknowledged is lost.</summary>
    AppendOnlyAlways,

    /// <summary>AOF is on, but the server does not say how it syncs (CONFIG is disabled, as on some managed services).</summary>
    AppendOnlyUnknownSync,
}

/// <summary>
/// Asks Redis, before the silo joins its cluster, whether it persists every write; refuses to start on one that
/// does not unless <see cref="EngineStorage.AllowUnpersistedRedis"/> says to run degraded, which is then logged.
/// </summary>
internal sealed partial class RedisPersistenceCheck(EngineStorage storage, ILogger<RedisPersistenceCheck> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RedisPersistenceCheck), ServiceLifecycleStage.RuntimeInitialize - 1, CheckAsync);

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var (persistence, endpoint) = await ReadAsync(storage.RedisConnectionString!);
        switch (persistence)
        {
            case RedisPersistence.AppendOnlyAlways:
                LogPersistent(logger, endpoint);
                break;
            case RedisPersistence.AppendOnlyEverySecond:
                LogEverySecond(logger, endpoint);
                break;
            case RedisPersistence.AppendOnlyUnknownSync:
                LogUnknownSync(logger, endpoint);
                break;
            default:
                ThrowIfRefused(persistence, endpoint, storage.AllowUnpersistedRedis);
                LogDegraded(logger, endpoint, Describe(persistence));
                break;
        }
    }

    /// <summary>How the primary of the Redis at <paramref name="connectionString"/> persists writes, and its endpoint.</summary>
    internal static async Task<(RedisPersistence Persistence, string Endpoint)> ReadAsync(string connectionString, TimeSpan? connectTimeout = null)
    {
        // INFO and CONFIG are admin commands: ask on a short-lived connection of its own, so the engine's shared one
        // keeps admin mode off.
        var options = ConfigurationOptions.Parse(connectionString);
        options.AllowAdmin = true;
        if (connectTimeout is { } timeout)
        {
            options.ConnectTimeout = (int)timeout.TotalMilliseconds;
        }

        await using var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
        var server = multiplexer.GetServers().FirstOrDefault(s => !s.IsReplica) ?? multiplexer.GetServers()[0];
        return (await ReadAsync(server), server.EndPoint.ToString() ?? "?");
    }

    /// <summary>Throws <see cref="StoreNotDurableException"/> for a Redis that loses acknowledged writes in a crash, unless allowed.</summary>
    internal static void ThrowIfRefused(RedisPersistence persistence, string endpoint, bool allowUnpersisted)
    {
        if (persistence is RedisPersistence.None or RedisPersistence.AppendOnlyUnsynced && !allowUnpersisted)
        {
            throw new StoreNotDurableException(
                $"Redis at {endpoint} does not persist every write ({Describe(persistence)}): events the engine acknowledged would be lost if Redis crashed. " +
                "Start it with --appendonly yes --appendfsync always (or everysec, which may lose the last second), " +
                "or set Storage:Redis:AllowUnpersisted=true to run anyway, degraded.");
        }
    }

    /// <summary>Reads <c>aof_enabled</c> from INFO persistence and <c>appendfsync</c> from CONFIG, where allowed.</summary>
    internal static async Task<RedisPersistence> ReadAsync(IServer server)
    {
        var info = await server.InfoAsync("persistence");
        var aof = info.SelectMany(g => g).FirstOrDefault(p => p.Key == "aof_enabled").Value;
        if (aof != "1")
        {
            return RedisPersistence.None;
        }

        try
        {
            var sync = (await server.ConfigGetAsync("appendfsync")).FirstOrDefault().Value;
            return sync switch
            {
                "always" => RedisPersistence.AppendOnlyAlways,
                "everysec" => RedisPersistence.AppendOnlyEverySecond,
                "no" => RedisPersistence.AppendOnlyUnsynced,
                _ => RedisPersistence.AppendOnlyUnknownSync,
            };
        }
        catch (RedisServerException)
        {
            return RedisPersistence.AppendOnlyUnknownSync;
        }
    }

    private static string Describe(RedisPersistence persistence) => persistence switch
    {
        RedisPersistence.None => "appendonly is off",
        RedisPersistence.AppendOnlyUnsynced => "appendfsync is no: the OS flushes the file when it likes",
        _ => persistence.ToString(),
    };

    [LoggerMessage(3010, LogLevel.Information, "Redis at {Endpoint} persists every write (appendonly yes, appendfsync always)")]
    private static partial void LogPersistent(ILogger logger, string endpoint);

    [LoggerMessage(3011, LogLevel.Warning, "Redis at {Endpoint} syncs its append-only file every second: a Redis crash may lose up to the last second of acknowledged events")]
    private static partial void LogEverySecond(ILogger logger, string endpoint);

    [LoggerMessage(3012, LogLevel.Warning, "Redis at {Endpoint} has its append-only file on but does not say how it syncs (CONFIG is disabled): check appendfsync with your provider")]
    private static partial void LogUnknownSync(ILogger logger, string endpoint);

    [LoggerMessage(3013, LogLevel.Warning, "DEGRADED: Redis at {Endpoint} does not persist every write ({What}); running anyway because Storage:Redis:AllowUnpersisted is true. A Redis crash loses acknowledged events")]
    private static partial void LogDegraded(ILogger logger, string endpoint, string what);
}
