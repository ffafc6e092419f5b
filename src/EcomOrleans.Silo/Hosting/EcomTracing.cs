using EcomOrleans.Inference;
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

    /// <summary>Adds the engine's sources; the caller adds the exporter (OTLP in production, in-memory in tests).</summary>
    public static TracerProviderBuilder AddEcomTracing(this TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation()
        .AddSource(OrleansRuntimeSource, OrleansApplicationSource, InferenceTracing.SourceName);
}
