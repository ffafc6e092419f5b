using EcomOrleans.Silo.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace EcomOrleans.Silo.ApiReference;

/// <summary>
/// The <c>X-Api-Key</c> security scheme, required by exactly the operations the API key filter guards (their
/// <see cref="ApiRoleMetadata"/> names the role), and by <c>GET /metrics</c> when <c>Security:ProtectMetrics</c> is set.
/// With <c>Security:AnonymousReads</c> a read needs no key, which the document says with an empty requirement beside it.
/// </summary>
internal sealed class ApiKeySecurityTransformer(IOptionsMonitor<ApiKeyOptions> keys) : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRoleMetadata>().FirstOrDefault() is { } role && context.Document is { } document)
        {
            Require(operation, document, role.Role, anonymous: keys.CurrentValue.AnonymousReads && role.Role == ApiRoles.Read);
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs after the operations: <c>/metrics</c> is added to the document by <see cref="OperationalEndpointsTransformer"/>.</summary>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (keys.CurrentValue.ProtectMetrics
            && document.Paths.TryGetValue(OperationalEndpointsTransformer.MetricsPath, out var metrics)
            && metrics.Operations?.TryGetValue(HttpMethod.Get, out var scrape) == true)
        {
            Require(scrape, document, ApiRoles.Read, anonymous: false);
            scrape.Responses ??= [];
            scrape.Responses["401"] = new OpenApiResponse { Description = ApiResponses.Unauthorized };
            scrape.Responses["403"] = new OpenApiResponse { Description = ApiResponses.Forbidden };
        }

        return Task.CompletedTask;
    }

    private static void Require(OpenApiOperation operation, OpenApiDocument document, string role, bool anonymous)
    {
        if (document.Components?.SecuritySchemes?.ContainsKey(SchemeName) != true)
        {
            document.AddComponent<IOpenApiSecurityScheme>(SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyOptions.HeaderName,
                Description = $"A key with the role the operation names ({string.Join(", ", ApiRoles.All)}); '{ApiRoles.Admin}' may do everything.",
            });
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        if (anonymous)
        {
            operation.Security.Add(new OpenApiSecurityRequirement());
        }

        var needs = anonymous
            ? $"Needs no key here (Security:AnonymousReads); otherwise an {ApiKeyOptions.HeaderName} with the '{role}' role."
            : $"Needs an {ApiKeyOptions.HeaderName} with the '{role}' role (or '{ApiRoles.Admin}').";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? needs : $"{operation.Description}\n\n{needs}";
    }
}
