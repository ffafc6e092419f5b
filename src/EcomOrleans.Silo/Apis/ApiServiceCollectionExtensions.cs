using System.Text.Json;
using System.Text.Json.Serialization;
using EcomOrleans.Configuration;
using EcomOrleans.Events;
using EcomOrleans.Silo.Ingestion;
using EcomOrleans.Silo.Security;

namespace EcomOrleans.Silo.Apis;

public static class ApiServiceCollectionExtensions
{
    /// <summary>JSON conventions (camelCase, snake_case enums), the API key, ingestion options and services.</summary>
    public static WebApplicationBuilder AddEcomApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new EventKindJsonConverter());
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.AddApiKey();
        services.AddValidatedOptions<IngestionOptions, IngestionOptionsValidator>(IngestionOptions.SectionName);
        services.AddSingleton<EventBatchValidator>();
        services.AddSingleton<EventIngestor>();
        return builder;
    }
}
