using EcomOrleans.Inference;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace EcomOrleans.Silo.Hosting;

/// <summary>What the engine traces: HTTP requests, grain calls and batched model runs.</summary>
public static class EcomTracing
{
    /// <summary>Orleans' activity source for runtime (system target) calls.</summary>
    public const string OrleansRuntimeSource = "Microsoft.Orleans.Runtime";

    /// <summary>Orleans' activity source for application grain calls (with <c>AddActivityPropagation</c>).</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>The problem details extension that carries the request's trace id.</summary>
    public const string TraceIdExtension = "traceId";

    /// <summary>The standard variable that also turns on OTLP export when <c>Telemetry:OtlpEndpoint</c> is unset.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>True when traces are exported over OTLP: <c>Telemetry:OtlpEndpoint</c> or <see cref="OtlpEndpointVariable"/> is set.</summary>
    public static bool ExportsOtlp(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.OtlpEndpoint)}"])
        || !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

    /// <summary>True when traces are on: exported over OTLP, or <c>Telemetry:Traces</c> for an exporter the host adds.</summary>
    public static bool IsOn(IConfiguration configuration) =>
        ExportsOtlp(configuration) || configuration.GetValue<bool>($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Traces)}");

    /// <summary>Adds the engine's sources; the caller adds the exporter (OTLP in production, in-memory in tests).</summary>
    public static TracerProviderBuilder AddEcomTracing(this TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation()
        .AddSource(OrleansRuntimeSource, OrleansApplicationSource, InferenceTracing.SourceName);
}
