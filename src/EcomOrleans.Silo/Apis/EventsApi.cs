using System.Text.Json;
using EcomOrleans.Silo.Ingestion;
using EcomOrleans.Silo.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using RequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Apis;

public static class EventsApi
{
    /// <summary>Largest request body accepted, well above 500 events of ordinary size.</summary>
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/events")
            .WithTags("Events")
            .MapPost("/", IngestAsync)
            .AddEndpointFilter<ApiKeyEndpointFilter>()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    /// <summary>
    /// Takes a batch of events and answers 202 with accepted and duplicate counts once every event is
    /// durable; a batch with any invalid event is rejected whole with each problem named.
    /// </summary>
    public static async Task<Results<Accepted<IngestResponse>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        HttpRequest request,
        EventBatchValidator validator,
        EventIngestor ingestor,
        IOptions<JsonOptions> json)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Reject(IngestRejection.Oversized, TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large",
                detail: $"A request body may be at most {MaxBodyBytes} bytes; this one is {request.ContentLength}."));
        }

        EventBatchRequest? batch;
        try
        {
            batch = await JsonSerializer.DeserializeAsync<EventBatchRequest>(request.Body, json.Value.SerializerOptions, request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Reject(IngestRejection.Oversized, TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large",
                detail: $"A request body may be at most {MaxBodyBytes} bytes."));
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return Reject(IngestRejection.Malformed, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [$"The body is not valid JSON for an event batch: {ex.Message.Split(" Path:")[0]}"] },
                title: "The request body could not be read"));
        }

        if (!validator.TryValidate(batch, out var events, out var rejection))
        {
            return Reject(rejection.Reason, TypedResults.ValidationProblem(rejection.Errors, title: "The batch was rejected; no event of it was accepted"));
        }

        var result = await ingestor.IngestAsync(events);
        return TypedResults.Accepted((string?)null, new IngestResponse(result.Accepted, result.Duplicates));
    }

    private static TResult Reject<TResult>(IngestRejection reason, TResult result)
    {
        IngestionInstruments.RecordRejected(reason);
        return result;
    }
}
