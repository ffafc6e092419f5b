using System.Text.Json;
using EcomOrleans.Silo.Admission;
using EcomOrleans.Silo.ApiReference;
using EcomOrleans.Silo.Ingestion;
using EcomOrleans.Silo.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute;

namespace EcomOrleans.Silo.Apis;

public static class EventsApi
{
    /// <summary>Largest request body accepted, well above 500 events of ordinary size.</summary>
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/events")
            .WithTags("Events")
            .AnswersProblem(StatusCodes.Status503ServiceUnavailable, ApiResponses.ServiceUnavailable, ApiExamples.ServiceUnavailable)
            .MapPost("", IngestAsync)
            .WithName("PostEvents")
            .WithSummary("Post a batch of events")
            .WithDescription(
                "At most 500 events. `sku` is required except for `search`, `query` only for `search`, `quantity` for cart and purchase events; "
                + "`timestamp` is ISO-8601 with an offset, at most 5 minutes ahead and 365 days old. The answer comes once every event is durable; "
                + "events are idempotent on `eventId` per user, so re-sending a batch is safe. A batch with any invalid event is rejected whole.")
            .WithJsonBody<EventBatchRequest>(ApiExamples.EventBatch)
            .Answers(StatusCodes.Status202Accepted, "Every event is durable: how many were new and how many were already recorded.", typeof(IngestResponse))
            .WithResponseExample(StatusCodes.Status202Accepted, ApiExamples.Accepted)
            .AnswersValidationProblem(ApiExamples.RejectedBatch)
            .AnswersProblem(StatusCodes.Status413PayloadTooLarge, $"{ApiResponses.PayloadTooLarge} At most {MaxBodyBytes} bytes (2 MiB).")
            .AnswersProblem(StatusCodes.Status415UnsupportedMediaType, ApiResponses.UnsupportedMediaType)
            .RequireApiRole(ApiRoles.Ingest)
            .RequireWriteAdmission()
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
        var (batch, problem) = await JsonBody.ReadAsync<EventBatchRequest>(request, json.Value.SerializerOptions, MaxBodyBytes);
        switch (problem?.Result)
        {
            case ProblemHttpResult refused:
                return Reject(refused.StatusCode == StatusCodes.Status413PayloadTooLarge ? IngestRejection.Oversized : IngestRejection.Malformed, refused);
            case ValidationProblem malformed:
                return Reject(IngestRejection.Malformed, malformed);
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
