using StackExchange.Redis;

namespace EcomOrleans.Engine.Hosting;

/// <summary>Where the engine's grain state lives.</summary>
public enum EngineStorageKind
{
    /// <summary>In memory: NOT durable, lost when the process stops. The embedded default.</summary>
    Memory,

    /// <summary>Redis, through Orleans' Redis grain storage: durable when Redis persists every write.</summary>
    Redis,

    /// <summary>
    /// In memory as the bytes the storage serializer writes (<see cref="Storage.SerializingMemoryGrainStorage"/>): NOT
    /// durable; for tests and benchmarks, where state should go through JSON as it does in Redis.
    /// </summary>
    SerializedMemory,
}

/// <summary>The storage choice <see cref="EcomEngineSiloBuilderExtensions.AddEcomEngine"/> composes.</summary>
/// <param name="RedisConnectionString">The StackExchange.Redis connection string, for <see cref="EngineStorageKind.Redis"/>.</param>
/// <param name="Redis">The shared connection, for <see cref="EngineStorageKind.Redis"/>; clustering may use the same one.</param>
public sealed record EngineStorage(EngineStorageKind Kind, string? RedisConnectionString = null, Lazy<Task<IConnectionMultiplexer>>? Redis = null)
{
    public static EngineStorage Memory { get; } = new(EngineStorageKind.Memory);

    public static EngineStorage SerializedMemory { get; } = new(EngineStorageKind.SerializedMemory);

    /// <summary>Redis at <paramref name="connectionString"/>, through one multiplexer made on first use.</summary>
    public static EngineStorage OnRedis(string connectionString) =>
        new(EngineStorageKind.Redis, connectionString, new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(connectionString)));

    public bool IsDurable => Kind == EngineStorageKind.Redis;
}
