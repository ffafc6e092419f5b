using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace EcomOrleans.Silo.ApiReference;

/// <summary>
/// How an endpoint describes itself in the OpenAPI document, beside its mapping: each status it answers with what it
/// means, examples, and parameters whose rules the handler checks itself (a whole number read from a string, so that
/// a bad one is answered with a problem naming it).
/// </summary>
public static class OpenApiConventions
{
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";

    /// <summary>Declares that the endpoint answers <paramref name="status"/>, meaning <paramref name="description"/>.</summary>
    public static TBuilder Answers<TBuilder>(this TBuilder endpoint, int status, string description, Type? type = null, string contentType = Json)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new ProducesResponseTypeMetadata(status, type, type is null ? [] : [contentType]) { Description = description });

    /// <summary>Declares a problem-details answer, with an example body when given.</summary>
    public static TBuilder AnswersProblem<TBuilder>(this TBuilder endpoint, int status, string description, string? example = null)
        where TBuilder : IEndpointConventionBuilder
    {
        endpoint.Answers(status, description, typeof(ProblemDetails), ProblemJson);
        return example is null ? endpoint : endpoint.WithResponseExample(status, example);
    }

    /// <summary>Declares the 400 validation problem that names each bad field or parameter.</summary>
    public static TBuilder AnswersValidationProblem<TBuilder>(this TBuilder endpoint, string? example = null)
        where TBuilder : IEndpointConventionBuilder
    {
        endpoint.Answers(StatusCodes.Status400BadRequest, ApiResponses.BadRequest, typeof(HttpValidationProblemDetails), ProblemJson);
        return example is null ? endpoint : endpoint.WithResponseExample(StatusCodes.Status400BadRequest, example);
    }

    /// <summary>A required JSON body of <typeparamref name="TBody"/>, which the handler reads itself, with an example.</summary>
    /// <remarks>
    /// NOTE: not <c>Accepts&lt;T&gt;()</c>: its metadata makes routing answer a body of another type with a bare 415
    /// before the handler runs, instead of the handler's problem that says what Content-Type it got.
    /// </remarks>
    public static RouteHandlerBuilder WithJsonBody<TBody>(this RouteHandlerBuilder endpoint, string example) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            // A named component, as the generator makes for the bodies it sees, so that client generators name the type.
            var document = context.Document ?? throw new InvalidOperationException("The operation transformer was given no document.");
            var name = typeof(TBody).Name;
            if (document.Components?.Schemas?.ContainsKey(name) != true)
            {
                document.AddComponent(name, await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancellationToken));
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [Json] = new() { Schema = new OpenApiSchemaReference(name, document), Example = JsonNode.Parse(example) },
                },
            };
        });

    /// <summary>Sets the example of the answer with <paramref name="status"/>, whatever its content type.</summary>
    public static TBuilder WithResponseExample<TBuilder>(this TBuilder endpoint, int status, string json)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response) == true && response.Content is { } content)
            {
                foreach (var media in content.Values.OfType<OpenApiMediaType>())
                {
                    media.Example = JsonNode.Parse(json);
                }
            }

            return Task.CompletedTask;
        });

    /// <summary>A query parameter the handler reads as a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static TBuilder WithWholeParameter<TBuilder>(this TBuilder endpoint, string name, int min, int max, int fallback, string description)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithParameter(name, $"{description} A whole number from {min} to {max}; default {fallback}.", new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = min.ToString(CultureInfo.InvariantCulture),
            Maximum = max.ToString(CultureInfo.InvariantCulture),
            Default = JsonValue.Create(fallback),
        });

    /// <summary>A query parameter that takes one of <paramref name="values"/>.</summary>
    public static TBuilder WithChoiceParameter<TBuilder>(this TBuilder endpoint, string name, IReadOnlyList<string> values, string fallback, string description)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithParameter(name, $"{description} One of {string.Join(", ", values.Select(v => $"'{v}'"))}; default '{fallback}'.", new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
            Default = JsonValue.Create(fallback),
        });

    /// <summary>A parameter's description, and its schema when given.</summary>
    public static TBuilder WithParameter<TBuilder>(this TBuilder endpoint, string name, string description, OpenApiSchema? schema = null)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var parameter = operation.Parameters?.OfType<OpenApiParameter>().SingleOrDefault(p => p.Name == name)
                ?? throw new InvalidOperationException($"The operation {operation.OperationId} has no parameter '{name}' to describe.");
            parameter.Description = description;
            if (schema is not null)
            {
                parameter.Schema = schema;
            }

            return Task.CompletedTask;
        });
}
