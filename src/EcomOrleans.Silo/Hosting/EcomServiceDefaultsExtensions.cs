using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Inference;
using EcomOrleans.Silo.Ingestion;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace EcomOrleans.Silo.Hosting;

public static class EcomServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>Problem details for every error, metrics for Prometheus, and health checks.</summary>
    public static WebApplicationBuilder AddEcomServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<EngineExceptionHandler>();

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.Orleans")
            .AddMeter(IngestionInstruments.MeterName)
            .AddMeter(SkuInstruments.MeterName)
            .AddMeter(RecommendationInstruments.MeterName)
            .AddMeter(InferenceInstruments.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());

        builder.Services.AddHealthChecks()
            .AddCheck<SiloReadyHealthCheck>("orleans-silo", tags: [ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication UseEcomServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Maps <c>/metrics</c> (Prometheus), <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static WebApplication MapEcomDefaultEndpoints(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
