using System.ComponentModel.DataAnnotations;

namespace EcomOrleans.Silo.Hosting;

/// <summary>Where traces go (configuration section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// The OTLP endpoint traces are exported to, like <c>http://otel-collector:4317</c>. Default unset: no
    /// exporter unless the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set.
    /// </summary>
    [Url(ErrorMessage = "{0} must be an absolute http or https URL, like http://otel-collector:4317")]
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// Default false: traces are on only with an OTLP endpoint. True propagates and records them without one, for a
    /// host that adds its own exporter. Off, grain calls pass no tracing filter at all (Orleans' activity
    /// propagation reads each call's method by reflection even when nothing listens: about 1.2 KB a request).
    /// </summary>
    public bool Traces { get; set; }
}
