using EcomOrleans.Engine.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace EcomOrleans.Silo.Hosting;

/// <summary>Pings Redis when state lives there; healthy with a note on the in-memory default.</summary>
internal sealed class RedisHealthCheck(EngineStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (storage.Redis is not { } connection)
        {
            return HealthCheckResult.Healthy("In-memory storage (not durable)");
        }

        try
        {
            var multiplexer = await connection.Value;
            var latency = await multiplexer.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable", ex);
        }
    }
}
