using System.Text.Json;
using System.Text.Json.Serialization;
using EcomOrleans.Events;
using EcomOrleans.Silo.Ingestion;
using EcomOrleans.Silo.Security;
using Microsoft.Extensions.Options;

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
        services.AddApiKey(builder.Configuration);
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestionOptions>>(new IngestionOptionsValidator());
        services.AddSingleton<EventBatchValidator>();
        services.AddSingleton<EventIngestor>();
        return builder;
    }

    private sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
    {
        public ValidateOptionsResult Validate(string? name, IngestionOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
