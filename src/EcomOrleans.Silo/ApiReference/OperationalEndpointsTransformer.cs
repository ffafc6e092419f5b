using EcomOrleans.Silo.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcomOrleans.Silo.ApiReference;

/// <summary>
/// Adds <c>GET /metrics</c>, <c>/health/live</c> and <c>/health/ready</c> to the document. They are mapped by the
/// Prometheus exporter and the health checks as plain request delegates, which the generator does not see (it
/// describes route handlers only); probes and scrapers are clients too.
/// </summary>
internal sealed class OperationalEndpointsTransformer : IOpenApiDocumentTransformer
{
    public const string Tag = "Operations";
    public const string MetricsPath = "/metrics";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = Tag, Description = "Metrics for Prometheus and health for probes; no API key (unless Security:ProtectMetrics)." });

        Add(document, MetricsPath, "GetMetrics", "Prometheus scrape",
            "The engine's metrics in the Prometheus text format (ecom_*, orleans_*, http_*, dotnet_*). "
            + "No key unless Security:ProtectMetrics is set; then a key with the 'read' role.",
            new() { ["200"] = Text("The scrape.", "text/plain; version=0.0.4") });
        Add(document, LivePath, "GetLiveness", "Liveness",
            "Answers 200 'Healthy' while the process serves requests; it checks nothing else, so a probe restarts only a hung process.",
            new() { ["200"] = Text("Healthy.", "text/plain") });
        Add(document, ReadyPath, "GetReadiness", "Readiness",
            $"200 'Healthy' when the silo is active and the durable store answers (the checks tagged '{EcomServiceDefaultsExtensions.ReadyTag}'); 503 'Unhealthy' otherwise, so a load balancer sends no traffic.",
            new() { ["200"] = Text("Healthy.", "text/plain"), ["503"] = Text("Unhealthy: the silo is not active or the store does not answer.", "text/plain") });
        return Task.CompletedTask;
    }

    private static void Add(OpenApiDocument document, string path, string operationId, string summary, string description, OpenApiResponses responses)
    {
        var operation = new OpenApiOperation
        {
            OperationId = operationId,
            Summary = summary,
            Description = description,
            Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
            Responses = responses,
        };
        document.Paths.Add(path, new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = operation } });
    }

    private static OpenApiResponse Text(string description, string contentType) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
    };
}
