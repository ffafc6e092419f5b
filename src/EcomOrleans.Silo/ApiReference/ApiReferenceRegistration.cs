using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace EcomOrleans.Silo.ApiReference;

/// <summary>
/// The OpenAPI document of the API and its reference page.
/// </summary>
/// <remarks>
/// The document (<see cref="DocumentPath"/>) is served in every environment: it says only what README.md says, holds
/// no secret, and clients generate code from the running engine's own. The reference page (<see cref="ReferencePath"/>)
/// is a console to send requests from, so it is served only in Development or with <c>Api:Reference=true</c>. Neither
/// asks for an API key nor counts against admission control: both are mapped without the key filter and outside the
/// rate-limited endpoint groups.
/// </remarks>
public static class ApiReferenceRegistration
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";
    public const string ReferencePath = "/scalar";

    public static WebApplicationBuilder AddEcomApiReference(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiReferenceOptions>().BindConfiguration(ApiReferenceOptions.SectionName);
        builder.Services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "EcomOrleans API",
                    Version = DocumentName,
                    Description = "Real-time personalization: ingest shopper events, read profiles, SKUs and demand, and ask for recommendations. "
                        + "JSON in camelCase; every error is an RFC 9457 problem (application/problem+json) with a traceId, and a validation "
                        + "problem names each bad field (events[3].sku). See docs/api.md for what each status means.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer<IdentifierParametersTransformer>();
            o.AddOperationTransformer<ResponseDescriptionsTransformer>();
            o.AddOperationTransformer<ApiKeySecurityTransformer>();
            o.AddSchemaTransformer<RequestSchemasTransformer>();
            o.AddDocumentTransformer<OperationalEndpointsTransformer>();
            o.AddDocumentTransformer<ApiKeySecurityTransformer>();
        });
        return builder;
    }

    /// <summary>Maps the document, and the reference page where <see cref="ApiReferenceOptions.Reference"/> allows it.</summary>
    public static WebApplication MapEcomApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        if (app.Services.GetRequiredService<IOptions<ApiReferenceOptions>>().Value.Reference ?? app.Environment.IsDevelopment())
        {
            // NOTE: the page's script is the bundle embedded in Scalar.AspNetCore, served from here: no CDN. The default
            // fonts come from Scalar's CDN, so they are off (the system's fonts instead), and so are its telemetry and AI
            // agent: the page must work on a machine without internet.
            app.MapScalarApiReference(ReferencePath, o => o
                .WithTitle("EcomOrleans API")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .ExpandAllTags()
                .HideDeveloperTools()
                .AddPreferredSecuritySchemes(ApiKeySecurityTransformer.SchemeName));
        }

        return app;
    }
}
