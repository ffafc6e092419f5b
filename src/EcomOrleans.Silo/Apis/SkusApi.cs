using EcomOrleans.Silo.Catalog;
using EcomOrleans.Silo.Security;
using EcomOrleans.Skus;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcomOrleans.Silo.Apis;

public static class SkusApi
{
    public static IEndpointRouteBuilder MapSkusApi(this IEndpointRouteBuilder app)
    {
        var skus = app.MapGroup("/api/skus").WithTags("SKUs");
        skus.MapPut("/{sku}", PutAsync).AddEndpointFilter<ApiKeyEndpointFilter>();
        skus.MapGet("/{sku}", GetAsync);
        skus.MapGet("/{sku}/demand", GetDemandAsync);
        return app;
    }

    /// <summary>Sets a SKU's catalog facts; <c>stock</c> replaces the units on hand.</summary>
    public static async Task<Results<Ok<SkuResponse>, ValidationProblem>> PutAsync(string sku, SkuRequest? request, IGrainFactory grains)
    {
        if (ApiProblems.CheckSku(sku) is { } invalidSku)
        {
            return invalidSku;
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
