using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcomOrleans.Silo.Hosting;

/// <summary>Ready once this silo is an active member of its cluster.</summary>
internal sealed class SiloReadyHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {local.SiloAddress} is active")
            : HealthCheckResult.Unhealthy($"Silo {local.SiloAddress} is {status}"));
    }
}
