using System.Globalization;
using System.Text.Json.Nodes;
using EcomOrleans.Events;
using EcomOrleans.Silo.Apis;
using EcomOrleans.Silo.Catalog;
using EcomOrleans.Silo.Ingestion;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace EcomOrleans.Silo.ApiReference;

/// <summary>
/// The request bodies as the validators read them. Their records make every field optional so that validation can
/// name each missing one; the document says which are required, of what kind, and within which bounds, from the
/// validators' own constants.
/// </summary>
internal sealed class RequestSchemasTransformer(IOptions<IngestionOptions> ingestion) : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(EventBatchRequest))
        {
            schema.Required = new HashSet<string> { "events" };
            Describe(schema, "events", $"1 to {ingestion.Value.MaxBatchSize} events; one invalid event rejects the whole batch.", nullable: false);
            if (schema.Properties?["events"] is OpenApiSchema events)
            {
                events.MinItems = 1;
                events.MaxItems = ingestion.Value.MaxBatchSize;
            }
        }
        else if (type == typeof(EventRequest))
        {
            schema.Required = new HashSet<string> { "eventId", "userId", "sessionId", "kind", "timestamp" };
            Describe(schema, "eventId", $"Unique per user: a re-sent event is counted as a duplicate, not twice. It {Identifiers.IdRule}.", nullable: false);
            Describe(schema, "userId", $"The shopper. It {Identifiers.IdRule}.", nullable: false);
            Describe(schema, "sessionId", $"The shopper's session. It {Identifiers.IdRule}.", nullable: false);
            Describe(schema, "kind", "What the shopper did.", nullable: false, choices: EventKinds.AllWireNames);
            Describe(schema, "sku", $"Required except for search events. It {Identifiers.SkuRule}.", nullable: true);
            Describe(schema, "query", $"The search text: required for search events and only there; at most {EventBatchValidator.MaxQueryLength} characters.", nullable: true);
            Describe(schema, "quantity", $"Units, 1 to {EventBatchValidator.MaxQuantity}: required for add_to_cart, remove_from_cart and purchase events.", nullable: true);
            Describe(schema, "price", $"Unit price, 0 to {EventBatchValidator.MaxPrice.ToString(CultureInfo.InvariantCulture)}.", nullable: true);
            Describe(schema, "timestamp",
                $"ISO-8601 with an offset; at most {ingestion.Value.MaxFutureSkew.TotalMinutes:0} minutes ahead of the server clock and {ingestion.Value.MaxEventAge.TotalDays:0} days old.",
                nullable: false, format: "date-time");
            Describe(schema, "recommendationId", "The recommendation a click or purchase came from, for attribution.", nullable: true);
        }
        else if (type == typeof(SkuRequest))
        {
            schema.Required = new HashSet<string> { "title", "category", "brand", "price", "cost", "stock", "leadTimeDays" };
            var text = $"1 to {SkuRequestValidator.MaxTextLength} characters, no control characters.";
            Describe(schema, "title", text, nullable: false);
            Describe(schema, "category", $"The catalog category recommendations filter on; {text}", nullable: false);
            Describe(schema, "brand", text, nullable: false);
            Describe(schema, "price", $"Unit price, above 0, at most {SkuRequestValidator.MaxMoney.ToString(CultureInfo.InvariantCulture)}.", nullable: false);
            Describe(schema, "cost", $"Unit cost, 0 to {SkuRequestValidator.MaxMoney.ToString(CultureInfo.InvariantCulture)}.", nullable: false);
            Describe(schema, "stock", $"Units on hand, 0 to {SkuRequestValidator.MaxStock}; replaces the current stock. Purchases take from it.", nullable: false);
            Describe(schema, "leadTimeDays", $"Days to restock, 0 to {SkuRequestValidator.MaxLeadTimeDays}.", nullable: false);
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiSchema schema, string name, string description, bool nullable, IReadOnlyList<string>? choices = null, string? format = null)
    {
        if (schema.Properties?.TryGetValue(name, out var found) != true || found is not OpenApiSchema property)
        {
            throw new InvalidOperationException($"The schema has no property '{name}' to describe: the request record and this transformer disagree.");
        }

        property.Description = description;
        if (!nullable && property.Type is { } kind)
        {
            property.Type = kind & ~JsonSchemaType.Null;
        }

        if (choices is not null)
        {
            property.Enum = [.. choices.Select(c => (JsonNode)JsonValue.Create(c))];
        }

        if (format is not null)
        {
            property.Format = format;
        }
    }
}
