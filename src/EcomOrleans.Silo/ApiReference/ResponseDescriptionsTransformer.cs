using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EcomOrleans.Silo.ApiReference;

/// <summary>
/// Each response's description is what the endpoint declared it means (<see cref="OpenApiConventions.Answers"/>),
/// not the bare reason phrase the generator writes; and responses are listed in status order.
/// </summary>
internal sealed class ResponseDescriptionsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses is not { } responses)
        {
            return Task.CompletedTask;
        }

        foreach (var declared in context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>())
        {
            if (declared.Description is { } description
                && responses.TryGetValue(declared.StatusCode.ToString(CultureInfo.InvariantCulture), out var response)
                && response is OpenApiResponse concrete)
            {
                concrete.Description = description;
            }
        }

        var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in ordered)
        {
            responses.Add(status, response);
        }

        return Task.CompletedTask;
    }
}
