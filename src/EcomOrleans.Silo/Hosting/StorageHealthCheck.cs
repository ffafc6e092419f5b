using Azure;
using Azure.Data.Tables;
using EcomOrleans.Engine.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace EcomOrleans.Silo.Hosting;

/// <summary>Asks the durable store for a trivial answer (Redis: PING; Azure Tables: a one-row query); healthy with a note on the in-memory default.</summary>
internal sealed class StorageHealthCheck(EngineStorage storage, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (storage.Redis is { } connection)
        {
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

        if (storage.AzureTable is { } table)
        {
            var started = time.GetTimestamp();
            try
            {
                var rows = table.Client.GetTableClient(table.TableName)
                    .QueryAsync<TableEntity>(filter: "PartitionKey eq ''", maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken);
                await foreach (var _ in rows.AsPages().WithCancellation(cancellationToken))
                {
                    break;
                }

                return HealthCheckResult.Healthy($"Azure Table storage answered in {time.GetElapsedTime(started).TotalMilliseconds:F1} ms");
            }
            catch (RequestFailedException ex)
            {
                return HealthCheckResult.Unhealthy($"Azure Table storage at {table.Endpoint} is unreachable", ex);
            }
        }

        return HealthCheckResult.Healthy("In-memory storage (not durable)");
    }
}
