using System.Text.Json.Nodes;
using EcomOrleans.Silo.Apis;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcomOrleans.Silo.ApiReference;

/// <summary>
/// Every parameter named <c>userId</c>, <c>sessionId</c> or <c>sku</c>, wherever it appears, is described by the rule
/// <see cref="Identifiers"/> checks it with: one wording, pattern and length, and an example from README.md.
/// </summary>
internal sealed class IdentifierParametersTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (string Description, string Pattern, int MaxLength, string Example)> Rules = new(StringComparer.Ordinal)
    {
        ["userId"] = ($"The shopper. It {Identifiers.IdRule}.", Identifiers.IdPattern, 128, "u-42"),
        ["sessionId"] = ($"The shopper's current session: its co-views seed recommendations when there is no history. It {Identifiers.IdRule}.", Identifiers.IdPattern, 128, "s-9"),
        ["sku"] = ($"The stock-keeping unit. It {Identifiers.SkuRule}.", Identifiers.SkuPattern, 64, "beauty-17"),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && Rules.TryGetValue(name, out var rule))
            {
                parameter.Description = rule.Description;
                parameter.Example = JsonValue.Create(rule.Example);
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = rule.Pattern + "$", MinLength = 1, MaxLength = rule.MaxLength };
            }
        }

        return Task.CompletedTask;
    }
}
