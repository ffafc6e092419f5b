using System.Text.Json;
using System.Text.Json.Serialization;
using EcomOrleans.Configuration;
using EcomOrleans.Events;
using EcomOrleans.Silo.Admission;
using EcomOrleans.Silo.Ingestion;
using EcomOrleans.Silo.Security;

namespace EcomOrleans.Silo.Apis;

public static class ApiServiceCollectionExtensions
{
    /// <summary>JSON conventions (camelCase, snake_case enums, strict reading), the API key, ingestion options and services.</summary>
    public static WebApplicationBuilder AddEcomApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;

            // Strict edges: a number sent as a string, a field sent twice, or a field the body does not have is
            // refused (naming it), not guessed at. The web defaults would accept the first two and ignore the third.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new EventKindJsonConverter());
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.AddApiKey();
        services.AddEcomAdmission();
        services.AddValidatedOptions<IngestionOptions, IngestionOptionsValidator>(IngestionOptions.SectionName);
        services.AddSingleton<EventBatchValidator>();
        services.AddSingleton<EventIngestor>();
        return builder;
    }
}
