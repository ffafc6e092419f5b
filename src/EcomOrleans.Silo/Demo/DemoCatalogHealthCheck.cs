using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcomOrleans.Silo.Demo;

/// <summary>Not ready while the demo catalog is being put in, so that a ready engine recommends from all of it.</summary>
internal sealed class DemoCatalogHealthCheck(DemoCatalogSeeder seeder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(seeder.State switch
        {
            DemoCatalogState.Pending => HealthCheckResult.Unhealthy("The demo catalog is waiting for the engine to start"),
            DemoCatalogState.Seeding => HealthCheckResult.Unhealthy($"Seeding the demo catalog: {seeder.Seeded} of {seeder.Total} SKUs"),
            DemoCatalogState.Failed => HealthCheckResult.Degraded($"The demo catalog stopped after {seeder.Seeded} of {seeder.Total} SKUs (see the log)"),
            DemoCatalogState.Seeded => HealthCheckResult.Healthy($"Demo catalog: {seeder.Total} SKUs"),
            _ => HealthCheckResult.Healthy("No demo catalog"),
        });
}
