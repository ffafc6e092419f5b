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
            .WithDescription("The most searched queries across all shards, one entry per query, those that led to no item first.")
            .WithWholeParameter("count", 1, MaxCount, DefaultCount, "How many queries.")
            .Answers(StatusCodes.Status200OK, "The queries.", typeof(DemandGapsResponse))
            .AnswersValidationProblem()
            .RequireApiRole(ApiRoles.Read)
            .RequireReadAdmission();
        return app;
    }

    /// <summary>Latent demand: the most searched queries across all shards (one entry per query), with how many led to no item.</summary>
    public static async Task<Results<Ok<DemandGapsResponse>, ValidationProblem>> GetDemandGapsAsync(IGrainFactory grains, string? count = null)
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
        return TypedResults.Ok(new DemandGapsResponse(top));
    }
}

/// <summary>Latent demand as the insights endpoint reports it; searches that found nothing come first.</summary>
public sealed record DemandGapsResponse(IReadOnlyList<SearchQueryCount> Searches);
