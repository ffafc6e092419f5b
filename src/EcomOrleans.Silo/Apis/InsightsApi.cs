using EcomOrleans.Grains.Catalog;
using EcomOrleans.Inference;
using EcomOrleans.Insights;
using EcomOrleans.Silo.Admission;
using EcomOrleans.Silo.ApiReference;
using EcomOrleans.Silo.Security;
using EcomOrleans.Skus;
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
            .WithDescription("Three kinds of demand the storefront did not turn into sales. `searches`: the most searched queries across all shards, one entry per query, "
                + "those that led to no item (found nothing, or no result was clicked) first; each of those lists the SKUs in stock most like it (`nearestSkus`), so a "
                + "merchandiser sees what the shopper may have meant. `categories`: per category (from its board, never from the SKUs), the units estimated lost to "
                + $"stock-outs over 28 days and the SKUs losing most, and the SKUs viewed most often per purchase (at least {MinimumViews} views), categories losing most first.")
            .WithWholeParameter("count", 1, MaxCount, DefaultCount, "How many queries, and how many categories.")
            .WithParameter("category", $"Only this catalog category's gaps (searches are catalog-wide); 1-{RecommendationsApi.MaxCategoryLength} characters, not blank.")
            .Answers(StatusCodes.Status200OK, "The searches and the categories, worst first.", typeof(DemandGapsResponse))
            .AnswersValidationProblem()
            .RequireApiRole(ApiRoles.Read)
            .RequireReadAdmission();
        return app;
    }

    /// <summary>Latent demand: the most searched queries across all shards (one entry per query), with how many led to no item.</summary>
    public static async Task<Results<Ok<DemandGapsResponse>, ValidationProblem>> GetDemandGapsAsync(
        IGrainFactory grains, CatalogTextIndex search, Grains.Catalog.CatalogProjection catalog, string? count = null, string? category = null)
    {
        Dictionary<string, string[]>? errors = null;
        var take = ApiProblems.WholeParameter(count, "count", 1, MaxCount, DefaultCount, ref errors);
        var only = ApiProblems.CategoryParameter(category, ref errors);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "The request was rejected");
        }

        var shards = await Task.WhenAll(SearchDemandShards.AllKeys().Select(k => grains.Reference<ISearchDemandGrain>(k).GetTopAsync(take)));
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
        var categories = await CategoryGapsAsync(grains, catalog.BoardCategories(only), take);
        return TypedResults.Ok(new DemandGapsResponse(
            [.. top.Select(q => new DemandGap(q.Query, q.Searches, q.WithoutItem, q.LastSeen, q.WithoutItem > 0 ? nearest.GetValueOrDefault(q.Query) ?? [] : []))],
            categories));
    }

    /// <summary>SKUs listed per category in each of its two lists.</summary>
    public const int SkusPerCategory = 5;

    /// <summary>
    /// Views a SKU needs over 28 days before its views per purchase mean anything: 10 views and no purchase is a signal;
    /// 2 views and none is noise.
    /// </summary>
    public const int MinimumViews = 10;

    /// <summary>
    /// One call per category board (what a SKU last reported, never a call to a SKU), ranked: the most units lost to
    /// stock-outs first (demand that is known and unmet), then the most views on SKUs viewed-not-bought (interest that
    /// did not convert); categories with neither are left out.
    /// </summary>
    private static async Task<IReadOnlyList<CategoryGapItem>> CategoryGapsAsync(IGrainFactory grains, IReadOnlyList<string> categories, int take)
    {
        var gaps = await Task.WhenAll(categories.Select(c => grains.Reference<ICategoryBoardGrain>(c).GetGapsAsync(SkusPerCategory, MinimumViews)));
        return [.. gaps.Select(CategoryGapItem.From)
            .Where(g => g.LostUnits > 0 || g.ViewedNotBought.Count > 0)
            .OrderByDescending(g => g.LostUnits)
            .ThenByDescending(g => g.ViewedNotBought.Sum(s => s.Views))
            .ThenBy(g => g.Category, StringComparer.Ordinal)
            .Take(take)];
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
            vectors = await grains.Reference<IInferenceGrain>(0).EmbedQueriesAsync(queries, InferencePriority.Background);
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

/// <summary>Latent demand as the insights endpoint reports it; searches that led to nothing first, categories losing most first.</summary>
public sealed record DemandGapsResponse(IReadOnlyList<DemandGap> Searches, IReadOnlyList<CategoryGapItem> Categories);

/// <summary>
/// A category's latent demand over 28 days: its totals (<c>conversion</c> is purchases per view, null without views),
/// the SKUs losing most units to stock-outs, and the SKUs viewed most often per purchase.
/// </summary>
public sealed record CategoryGapItem(
    string Category, int Skus, long Views, long Purchases, long Units, long LostUnits, double? Conversion,
    IReadOnlyList<GapSku> LostToStockOuts, IReadOnlyList<GapSku> ViewedNotBought)
{
    public static CategoryGapItem From(CategoryGaps g) => new(
        g.Category, g.Skus, g.Views, g.Purchases, g.Units, g.LostUnits, g.Views == 0 ? null : Math.Round((double)g.Purchases / g.Views, 4),
        [.. g.LostToStockOuts.Select(GapSku.From)], [.. g.ViewedNotBought.Select(GapSku.From)]);
}

/// <summary>A SKU in a category's gaps: its 28 days of views, purchases, units and lost units, its stock, and views per purchase (null when never bought).</summary>
public sealed record GapSku(string Sku, long Views, long Purchases, long Units, long LostUnits, int Stock, double? ViewsPerPurchase)
{
    public static GapSku From(SkuStanding s) =>
        new(s.Sku, s.Views, s.Purchases, s.Units, s.LostUnits, s.Stock, s.Purchases == 0 ? null : Math.Round((double)s.Views / s.Purchases, 2));
}

/// <summary>One query: how often it was searched, how often with no item found, and for those the SKUs in stock most like it.</summary>
public sealed record DemandGap(string Query, long Searches, long WithoutItem, DateTimeOffset LastSeen, IReadOnlyList<string> NearestSkus);
