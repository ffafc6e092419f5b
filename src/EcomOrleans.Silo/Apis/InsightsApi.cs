using EcomOrleans.Grains.Catalog;
using EcomOrleans.Inference;
using EcomOrleans.Insights;
using EcomOrleans.Silo.Admission;
using EcomOrleans.Silo.ApiReference;
using EcomOrleans.Silo.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcomOrleans.Silo.Apis;

public static class InsightsApi
{
    public const int MaxCount = 500;
    public const int DefaultCount = 20;

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/insights")
            .WithTags("Insights")
            .AnswersProblem(StatusCodes.Status503ServiceUnavailable, ApiResponses.ServiceUnavailable, ApiExamples.ServiceUnavailable)
            .MapGet("/demand-gaps", GetDemandGapsAsync)
            .WithName("GetDemandGaps")
            .WithSummary("Read latent demand")
            .WithDescription("The most searched queries across all shards, one entry per query, those that led to no item first; each of those lists the SKUs in stock most like it (`nearestSkus`), so a merchandiser sees what the shopper may have meant.")
            .WithWholeParameter("count", 1, MaxCount, DefaultCount, "How many queries.")
            .Answers(StatusCodes.Status200OK, "The queries.", typeof(DemandGapsResponse))
            .AnswersValidationProblem()
            .RequireApiRole(ApiRoles.Read)
            .RequireReadAdmission();
        return app;
    }

    /// <summary>Latent demand: the most searched queries across all shards (one entry per query), with how many led to no item.</summary>
    public static async Task<Results<Ok<DemandGapsResponse>, ValidationProblem>> GetDemandGapsAsync(
        IGrainFactory grains, CatalogTextIndex search, Grains.Catalog.CatalogProjection catalog, string? count = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var take = ApiProblems.WholeParameter(count, "count", 1, MaxCount, DefaultCount, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request was rejected");
        }

        var shards = await Task.WhenAll(SearchDemandShards.AllKeys().Select(k => grains.GetGrain<ISearchDemandGrain>(k).GetTopAsync(take)));
        // A query lives in one shard, but counts stored before the shards moved to StableHash may sit in
        // its old shard too: merge by query so that one query is reported once, with all its counts.
        var top = shards.SelectMany(s => s)
            .GroupBy(q => q.Query, StringComparer.Ordinal)
            .Select(g => new SearchQueryCount(g.Key, g.Sum(q => q.Searches), g.Sum(q => q.WithoutItem), g.Max(q => q.LastSeen)))
            .OrderByDescending(q => q.WithoutItem)
            .ThenByDescending(q => q.Searches)
            .ThenBy(q => q.Query, StringComparer.Ordinal)
            .Take(take)
            .ToList();
        var nearest = await NearestAsync(grains, search, catalog, [.. top.Where(q => q.WithoutItem > 0).Take(MaxWithNearest).Select(q => q.Query)]);
        return TypedResults.Ok(new DemandGapsResponse([.. top.Select(q => new DemandGap(
            q.Query, q.Searches, q.WithoutItem, q.LastSeen, q.WithoutItem > 0 ? nearest.GetValueOrDefault(q.Query) ?? [] : []))]));
    }

    /// <summary>Searches that found nothing get their nearest SKUs, at most this many of them (one encoder call).</summary>
    public const int MaxWithNearest = 50;

    /// <summary>SKUs in stock listed per search that found nothing.</summary>
    public const int NearestCount = 3;

    /// <summary>The SKUs most like each query; none when no sentence encoder is loaded or the pool is busy (the gaps still answer).</summary>
    private static async Task<Dictionary<string, IReadOnlyList<string>>> NearestAsync(
        IGrainFactory grains, CatalogTextIndex search, Grains.Catalog.CatalogProjection catalog, IReadOnlyList<string> queries)
    {
        var nearest = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (queries.Count == 0)
        {
            return nearest;
        }

        IReadOnlyList<float[]> vectors;
        try
        {
            vectors = await grains.GetGrain<IInferenceGrain>(0).EmbedTextAsync(queries, InferencePriority.Background);
        }
        catch (Exception ex) when (ex is ModelNotLoadedException or InferenceOverloadedException)
        {
            return nearest;
        }

        for (var i = 0; i < queries.Count; i++)
        {
            nearest[queries[i]] = [.. search.Nearest(vectors[i], NearestCount, float.MinValue, sku => catalog.CanRecommend(sku, null)).Select(n => n.Sku)];
        }

        return nearest;
    }
}

/// <summary>Latent demand as the insights endpoint reports it; searches that found nothing come first.</summary>
public sealed record DemandGapsResponse(IReadOnlyList<DemandGap> Searches);

/// <summary>One query: how often it was searched, how often with no item found, and for those the SKUs in stock most like it.</summary>
public sealed record DemandGap(string Query, long Searches, long WithoutItem, DateTimeOffset LastSeen, IReadOnlyList<string> NearestSkus);
