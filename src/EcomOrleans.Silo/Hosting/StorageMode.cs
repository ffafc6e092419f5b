namespace EcomOrleans.Silo.Hosting;

/// <summary>Which store this silo's state lives in.</summary>
/// <param name="RedisConnectionString">Set when state is in Redis; <see langword="null"/> for the in-memory default.</param>
public sealed record StorageMode(string? RedisConnectionString)
{
    public bool IsDurable => RedisConnectionString is not null;

    public string Name => IsDurable ? "redis" : "in-memory";
}
