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
            .WithDescription("Demand buckets oldest first; empty buckets are left out. `hour` buckets keep 7 days, `day` buckets 120. "
                + "Beside them: the forecast in force (mean, p10, p50, p90 units a day for 14 days, how it was made and why), the last days "
                + "scored against the forecast made before each, and the running accuracy.")
            .WithChoiceParameter("granularity", ["hour", "day"], "day", "The width of a bucket.")
            .Answers(StatusCodes.Status200OK, "The buckets and the forecast beside the actuals.", typeof(SkuDemandResponse))
            .AnswersProblem(StatusCodes.Status404NotFound, "The SKU is not in the catalog and has no recorded demand.")
            .RequireApiRole(ApiRoles.Read)
            .RequireReadAdmission();
        skus.MapGet("/", GetLeaderboardAsync)
            .WithName("GetSkuLeaderboard")
            .WithSummary("Rank SKUs by demand, lost units or cover")
            .WithDescription("The leaderboard, read from each category's board (what its SKUs last reported: 28 days of demand, stock, cover), "
                + "never from the SKUs themselves. Without `category`, every category the catalog lists is merged.")
            .WithChoiceParameter("sort", ["demand", "lostUnits", "cover"], "demand",
                "`demand`: units sold over 28 days, most first; `lostUnits`: estimated units lost to stock-outs over 28 days, most first; `cover`: days of cover, fewest first.")
            .WithParameter("category", $"Only this catalog category; 1-{RecommendationsApi.MaxCategoryLength} characters, not blank.")
            .WithWholeParameter("count", 1, MaxLeaderboardCount, DefaultLeaderboardCount, "How many SKUs.")
            .Answers(StatusCodes.Status200OK, "The SKUs, best first.", typeof(LeaderboardResponse))
            .RequireApiRole(ApiRoles.Read)
            .RequireReadAdmission();
        skus.MapGet("/{sku}/decisions", GetDecisionsAsync)
            .WithName("GetSkuDecisions")
            .WithSummary("Read a SKU's restock and price decisions")
            .WithDescription("Made now from the forecast in force (remade first when due): the restock decision (policy, order quantity, reorder point, "
                + "safety stock, days of cover, urgency, reason) and the price decision (elasticity with its interval, the price suggested inside the "
                + "guardrails, expected units, revenue and margin at both prices, reason). A new suggestion joins the audit trail (`suggestions`); "
                + "nothing changes a price until `POST /api/skus/{sku}/price` accepts one.")
            .Answers(StatusCodes.Status200OK, "The decisions and the suggestions made so far.", typeof(SkuDecisions))
            .AnswersProblem(StatusCodes.Status404NotFound, "The SKU is not in the catalog.")
            .RequireApiRole(ApiRoles.Read)
            .RequireReadAdmission();
        skus.MapPost("/{sku}/price", AcceptPriceAsync)
            .WithName("AcceptSkuPrice")
            .WithSummary("Accept a price suggestion")
            .WithDescription("Changes the SKU's price to a pending suggestion's, once, and records it in the audit trail. A suggestion "
                + "made before the SKU's price or cost changed, or replaced by a newer one, is refused.")
            .WithJsonBody<PriceAcceptRequest>("""{"suggestionId":"3f9c2a1b7d4e6f80"}""")
            .Answers(StatusCodes.Status200OK, "The SKU at its new price and the suggestion as accepted.", typeof(PriceAcceptResponse))
            .AnswersProblem(StatusCodes.Status404NotFound, "The SKU is not in the catalog, or has no suggestion of that id.")
            .AnswersProblem(StatusCodes.Status409Conflict, "The suggestion was accepted already, or superseded (a newer one, or the SKU's price or cost changed).")
            .AnswersProblem(StatusCodes.Status413PayloadTooLarge, $"{ApiResponses.PayloadTooLarge} At most {MaxPriceBodyBytes} bytes.")
            .AnswersProblem(StatusCodes.Status415UnsupportedMediaType, ApiResponses.UnsupportedMediaType)
            .RequireApiRole(ApiRoles.Admin)
            .RequireWriteAdmission()
            .WithMetadata(new RequestSizeLimitAttribute(MaxPriceBodyBytes));
        skus.MapPost("/{sku}/forecast", RefreshForecastAsync)
            .WithName("RefreshSkuForecast")
            .WithSummary("Remake a SKU's forecast now")
            .WithDescription("Scores the days closed since the last forecast and remakes it now through the inference pool at background priority "
                + "(or a baseline, saying why). Forecasts are also remade on their own when due (`Grains:Forecasts`).")
            .Answers(StatusCodes.Status200OK, "The demand buckets and the new forecast beside the actuals.", typeof(SkuDemandResponse))
            .AnswersProblem(StatusCodes.Status404NotFound, "The SKU is not in the catalog.")
            .RequireApiRole(ApiRoles.Admin)
            .RequireWriteAdmission();
        return app;
    }

    /// <summary>A SKU's facts are a few hundred bytes: 16 KiB is plenty, and a larger body is refused before it is read.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    /// <summary>A suggestion id is 16 characters: 1 KiB is plenty.</summary>
    public const long MaxPriceBodyBytes = 1024;

    public const int MaxSuggestionIdLength = 64;
    public const int MaxLeaderboardCount = 500;
    public const int DefaultLeaderboardCount = 20;

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

        var snapshot = await grains.Reference<ISkuGrain>(sku).UpsertCatalogAsync(catalog!);
        return TypedResults.Ok(SkuResponse.From(snapshot));
    }

    public static async Task<Results<Ok<SkuResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(string sku, IGrainFactory grains)
    {
        if (ApiProblems.CheckSku(sku) is { } invalidSku)
        {
            return invalidSku;
        }

        var snapshot = await grains.Reference<ISkuGrain>(sku).GetAsync();
        return snapshot is null
            ? ApiProblems.NotFound("Unknown SKU", $"SKU '{sku}' is not in the catalog; PUT /api/skus/{sku} adds it.")
            : TypedResults.Ok(SkuResponse.From(snapshot));
    }

    /// <summary>Demand buckets, <c>granularity</c> <c>hour</c> (last 7 days by default) or <c>day</c> (default; last 120 days).</summary>
    public static async Task<Results<Ok<SkuDemandResponse>, ValidationProblem, ProblemHttpResult>> GetDemandAsync(
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

        var grain = grains.Reference<ISkuGrain>(sku);
        var series = await grain.GetDemandAsync(width);
        var outlook = await grain.GetOutlookAsync();
        if (series.Buckets.Count == 0 && outlook is null)
        {
            return ApiProblems.NotFound("Unknown SKU", $"SKU '{sku}' is not in the catalog and has no recorded demand.");
        }

        return TypedResults.Ok(SkuDemandResponse.From(series, outlook));
    }

    /// <summary>Scores the closed days and remakes the SKU's forecast now.</summary>
    public static async Task<Results<Ok<SkuDemandResponse>, ValidationProblem, ProblemHttpResult>> RefreshForecastAsync(string sku, IGrainFactory grains)
    {
        if (ApiProblems.CheckSku(sku) is { } invalidSku)
        {
            return invalidSku;
        }

        var grain = grains.Reference<ISkuGrain>(sku);
        if (await grain.RefreshForecastAsync() is not { } outlook)
        {
            return ApiProblems.NotFound("Unknown SKU", $"SKU '{sku}' is not in the catalog; PUT /api/skus/{sku} adds it.");
        }

        return TypedResults.Ok(SkuDemandResponse.From(await grain.GetDemandAsync(DemandGranularity.Day), outlook));
    }

    /// <summary>The leaderboard from the category boards: one category's, or every listed category's merged.</summary>
    public static async Task<Results<Ok<LeaderboardResponse>, ValidationProblem>> GetLeaderboardAsync(
        IGrainFactory grains, Grains.Catalog.CatalogProjection catalog, string? sort = null, string? category = null, string? count = null)
    {
        Dictionary<string, string[]>? errors = null;
        var take = ApiProblems.WholeParameter(count, "count", 1, MaxLeaderboardCount, DefaultLeaderboardCount, ref errors);
        LeaderboardSort order = LeaderboardSort.Demand;
        switch (sort)
        {
            case null or "demand": break;
            case "lostUnits": order = LeaderboardSort.LostUnits; break;
            case "cover": order = LeaderboardSort.Cover; break;
            default: ApiProblems.Error(ref errors)["sort"] = [$"'sort' must be 'demand', 'lostUnits' or 'cover'; got '{(sort.Length <= 20 ? sort : sort[..20] + "...")}'."]; break;
        }

        var only = ApiProblems.CategoryParameter(category, ref errors);

        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "The request was rejected");
        }

        var boards = await Task.WhenAll(catalog.BoardCategories(only).Select(async c =>
            (Category: c, Leaders: await grains.Reference<ICategoryBoardGrain>(c).GetLeadersAsync(order, take))));
        var items = boards.SelectMany(b => b.Leaders.Select(s => LeaderboardItem.From(b.Category, s)));
        var ranked = order switch
        {
            LeaderboardSort.LostUnits => items.OrderByDescending(i => i.LostUnits),
            LeaderboardSort.Cover => items.OrderBy(i => i.DaysOfCover),
            _ => items.OrderByDescending(i => i.Units),
        };
        return TypedResults.Ok(new LeaderboardResponse(sort ?? "demand", only,
            [.. ranked.ThenByDescending(i => i.Units).ThenBy(i => i.Sku, StringComparer.Ordinal).Take(take)]));
    }

    public static async Task<Results<Ok<SkuDecisions>, ValidationProblem, ProblemHttpResult>> GetDecisionsAsync(string sku, IGrainFactory grains)
    {
        if (ApiProblems.CheckSku(sku) is { } invalidSku)
        {
            return invalidSku;
        }

        return await grains.Reference<ISkuGrain>(sku).GetDecisionsAsync() is { } decisions
            ? TypedResults.Ok(decisions)
            : ApiProblems.NotFound("Unknown SKU", $"SKU '{sku}' is not in the catalog; PUT /api/skus/{sku} adds it.");
    }

    /// <summary>Accepts a pending price suggestion: the SKU's price changes once, and the trail records it.</summary>
    public static async Task<Results<Ok<PriceAcceptResponse>, ValidationProblem, ProblemHttpResult>> AcceptPriceAsync(
        string sku, HttpRequest http, IOptions<JsonOptions> json, IGrainFactory grains)
    {
        if (ApiProblems.CheckSku(sku) is { } invalidSku)
        {
            return invalidSku;
        }

        var (request, problem) = await JsonBody.ReadAsync<PriceAcceptRequest>(http, json.Value.SerializerOptions, MaxPriceBodyBytes);
        switch (problem?.Result)
        {
            case ProblemHttpResult refused:
                return refused;
            case ValidationProblem malformed:
                return malformed;
        }

        var id = request?.SuggestionId;
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxSuggestionIdLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["suggestionId"] = [$"'suggestionId' is required: 1-{MaxSuggestionIdLength} characters, as GET /api/skus/{{sku}}/decisions gives it."] },
                title: "The price suggestion was rejected");
        }

        var result = await grains.Reference<ISkuGrain>(sku).AcceptPriceAsync(id);
        return result.Outcome switch
        {
            PriceAcceptance.Accepted => TypedResults.Ok(new PriceAcceptResponse(SkuResponse.From(result.Sku!), result.Suggestion!, result.Detail)),
            PriceAcceptance.UnknownSku => ApiProblems.NotFound("Unknown SKU", result.Detail),
            PriceAcceptance.UnknownSuggestion => ApiProblems.NotFound("Unknown suggestion", result.Detail),
            PriceAcceptance.AlreadyAccepted => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Suggestion already accepted", detail: result.Detail),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Suggestion superseded", detail: result.Detail),
        };
    }
}
