using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace EcomOrleans.Silo.Hosting;

/// <summary>Pings Redis when state lives there; healthy with a note on the in-memory default.</summary>
internal sealed class RedisHealthCheck(StorageMode mode, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!mode.IsDurable)
        {
            return HealthCheckResult.Healthy("In-memory storage (not durable)");
        }

        try
        {
            var multiplexer = await services.GetRequiredService<Lazy<Task<IConnectionMultiplexer>>>().Value;
            var latency = await multiplexer.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable", ex);
        }
    }
}
