using EcomOrleans.Silo.Admission;
using EcomOrleans.Silo.ApiReference;
using EcomOrleans.Silo.Catalog;
using EcomOrleans.Silo.Security;
using EcomOrleans.Skus;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute;

namespace EcomOrleans.Silo.Apis;

public static class SkusApi
{
    public static IEndpointRouteBuilder MapSkusApi(this IEndpointRouteBuilder app)
    {
        var skus = app.MapGroup("/api/skus")
            .WithTags("SKUs")
            .AnswersValidationProblem()
            .AnswersProblem(StatusCodes.Status503ServiceUnavailable, ApiResponses.ServiceUnavailable, ApiExamples.ServiceUnavailable);
        skus.MapPut("/{sku}", PutAsync)
            .WithName("PutSku")
            .WithSummary("Put a SKU in the catalog")
            .WithDescription("Sets the SKU's catalog facts; `stock` replaces the units on hand, and purchases take from it.")
            .WithJsonBody<SkuRequest>(ApiExamples.Sku)
            .Answers(StatusCodes.Status200OK, "The SKU as it is now.", typeof(SkuResponse))
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.SkuAnswer)
            .AnswersProblem(StatusCodes.Status413PayloadTooLarge, $"{ApiResponses.PayloadTooLarge} At most {MaxBodyBytes} bytes (16 KiB).")
            .AnswersProblem(StatusCodes.Status415UnsupportedMediaType, ApiResponses.UnsupportedMediaType)
            .RequireApiRole(ApiRoles.Admin)
            .RequireWriteAdmission()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        skus.MapGet("/{sku}", GetAsync)
            .WithName("GetSku")
            .WithSummary("Read a SKU")
            .WithDescription("The catalog facts with live stock, lost units (demand that found no stock) and lifetime totals.")
            .Answers(StatusCodes.Status200OK, "The SKU.", typeof(SkuResponse))
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.SkuAnswer)
            .AnswersProblem(StatusCodes.Status404NotFound, "The SKU is not in the catalog.")
            .RequireApiRole(ApiRoles.Read)
            .RequireReadAdmission();
        skus.MapGet("/{sku}/demand", GetDemandAsync)
            .WithName("GetSkuDemand")
            .WithSummary("Read a SKU's demand")
            .WithDescription("Demand buckets oldest first; empty buckets are left out. `hour` buckets keep 7 days, `day` buckets 120.")
            .WithChoiceParameter("granularity", ["hour", "day"], "day", "The width of a bucket.")
            .Answers(StatusCodes.Status200OK, "The buckets.", typeof(DemandSeries))
            .AnswersProblem(StatusCodes.Status404NotFound, "The SKU is not in the catalog and has no recorded demand.")
            .RequireApiRole(ApiRoles.Read)
            .RequireReadAdmission();
        return app;
    }

    /// <summary>A SKU's facts are a few hundred bytes: 16 KiB is plenty, and a larger body is refused before it is read.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    /// <summary>Sets a SKU's catalog facts; <c>stock</c> replaces the units on hand.</summary>
    public static async Task<Results<Ok<SkuResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string sku, HttpRequest http, IOptions<JsonOptions> json, IGrainFactory grains)
    {
        if (ApiProblems.CheckSku(sku) is { } invalidSku)
        {
            return invalidSku;
        }

        var (request, problem) = await JsonBody.ReadAsync<SkuRequest>(http, json.Value.SerializerOptions, MaxBodyBytes);
        switch (problem?.Result)
        {
            case ProblemHttpResult refused:
                return refused;
            case ValidationProblem malformed:
                return malformed;
        }

        if (!SkuRequestValidator.TryValidate(request, out var catalog, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "The SKU was rejected");
        }

        var snapshot = await grains.GetGrain<ISkuGrain>(sku).UpsertCatalogAsync(catalog!);
        return TypedResults.Ok(SkuResponse.From(snapshot));
    }

    public static async Task<Results<Ok<SkuResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(string sku, IGrainFactory grains)
    {
        if (ApiProblems.CheckSku(sku) is { } invalidSku)
        {
            return invalidSku;
        }

        var snapshot = await grains.GetGrain<ISkuGrain>(sku).GetAsync();
        return snapshot is null
            ? ApiProblems.NotFound("Unknown SKU", $"SKU '{sku}' is not in the catalog; PUT /api/skus/{sku} adds it.")
            : TypedResults.Ok(SkuResponse.From(snapshot));
    }

    /// <summary>Demand buckets, <c>granularity</c> <c>hour</c> (last 7 days by default) or <c>day</c> (default; last 120 days).</summary>
    public static async Task<Results<Ok<DemandSeries>, ValidationProblem, ProblemHttpResult>> GetDemandAsync(
        string sku, IGrainFactory grains, string? granularity = null)
    {
        if (ApiProblems.CheckSku(sku) is { } invalidSku)
        {
            return invalidSku;
        }

        DemandGranularity width;
        switch (granularity)
        {
            case null or "day": width = DemandGranularity.Day; break;
            case "hour": width = DemandGranularity.Hour; break;
            default:
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["granularity"] = [$"'granularity' must be 'hour' or 'day'; got '{granularity}'."] },
                    title: "The request was rejected");
        }

        var grain = grains.GetGrain<ISkuGrain>(sku);
        var series = await grain.GetDemandAsync(width);
        if (series.Buckets.Count == 0 && await grain.GetAsync() is null)
        {
            return ApiProblems.NotFound("Unknown SKU", $"SKU '{sku}' is not in the catalog and has no recorded demand.");
        }

        return TypedResults.Ok(series);
    }
}
