using System.Diagnostics;
using EcomOrleans.Configuration;
using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Grains.Users;
using EcomOrleans.Inference;
using EcomOrleans.Silo.Ingestion;
using EcomOrleans.Silo.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace EcomOrleans.Silo.Hosting;

public static class EcomServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// Problem details for every error (with the request's trace id), metrics for Prometheus, health checks, and
    /// traces exported over OTLP when <c>Telemetry:OtlpEndpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static WebApplicationBuilder AddEcomServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions[EcomTracing.TraceIdExtension] = Activity.Current?.TraceId.ToHexString() ?? c.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<EngineExceptionHandler>();
        builder.WebHost.ConfigureKestrel(RequestSizeLimits.ConfigureKestrel);

        var telemetry = builder.Services.AddOpenTelemetry();
        builder.Services.AddValidatedOptions<TelemetryOptions, TelemetryOptionsValidator>(TelemetryOptions.SectionName);
        if (EcomTracing.ExportsOtlp(builder.Configuration))
        {
            // Nothing configured, no tracer provider: activities are then not even created.
            telemetry.WithTracing(tracing => tracing.AddEcomTracing().AddOtlpExporter());
            builder.Services.AddOptions<OtlpExporterOptions>().Configure<IOptions<TelemetryOptions>>((otlp, options) =>
            {
                if (options.Value.OtlpEndpoint is { Length: > 0 } endpoint)
                {
                    otlp.Endpoint = new Uri(endpoint);
                }
            });
        }

        telemetry.WithMetrics(metrics => metrics
            .AddMeter("Microsoft.Orleans")
            .AddMeter(IngestionInstruments.MeterName)
            .AddMeter(UserInstruments.MeterName)
            .AddMeter(SkuInstruments.MeterName)
            .AddMeter(MerchandisingInstruments.MeterName)
            .AddMeter(RecommendationInstruments.MeterName)
            .AddMeter(InferenceInstruments.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            // NOTE: no scrape-response cache (the exporter's default keeps a scrape for 300 ms): a scrape right after a
            // request must show it, and one Prometheus every 15 s is no load. A dashboard test failed on a cached scrape.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        builder.Services.AddHealthChecks()
            .AddCheck<SiloReadyHealthCheck>("orleans-silo", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication UseEcomServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RequestSizeLimits.EnforceAsync);
        app.UseRateLimiter();

        // /metrics asks for a read key only when Security:ProtectMetrics says so (a Prometheus scrapes it unauthenticated
        // on the private network by default); health always answers, for probes.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals("/metrics", StringComparison.Ordinal)
                && context.RequestServices.GetRequiredService<IOptionsMonitor<ApiKeyOptions>>().CurrentValue.ProtectMetrics
                && context.RequestServices.GetRequiredService<ApiKeyRing>().Check(context, ApiRoles.Read) is { } refused)
            {
                await refused.ExecuteAsync(context);
                return;
            }

            await next(context);
        });
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
