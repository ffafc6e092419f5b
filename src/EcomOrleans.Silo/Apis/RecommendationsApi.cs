using EcomOrleans.Recommendations;
using EcomOrleans.Silo.Admission;
using EcomOrleans.Silo.ApiReference;
using EcomOrleans.Silo.Security;
using EcomOrleans.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcomOrleans.Silo.Apis;

public static class RecommendationsApi
{
    public const int DefaultCount = 10;
    public const int MaxCount = 100;
    public const int MaxCategoryLength = 200;

    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/users")
            .WithTags("Recommendations")
            .AnswersProblem(StatusCodes.Status503ServiceUnavailable, ApiResponses.ServiceUnavailable, ApiExamples.ServiceUnavailable)
            .MapGet("/{userId}/recommendations", GetAsync)
            .WithName("GetRecommendations")
            .WithSummary("Recommend SKUs to a user")
            .WithDescription(
                "Top-K in-stock SKUs, each with its score and reason: what the session just searched for first (`search`, up to half the list), "
                + "then the sequence model (`personalized`), then `session_co_view`, "
                + "`trending` and `popular` until the list is full. Out-of-stock SKUs, SKUs the user just bought and SKUs in the cart never appear. "
                + "A click or purchase event that carries the `recommendationId` is attributed to it; `modelVersion` is `none` when only fallbacks answered.")
            .WithWholeParameter("count", 1, MaxCount, DefaultCount, "How many items.")
            .WithParameter("category", $"Only items of this catalog category; 1-{MaxCategoryLength} characters, not blank.")
            .Answers(StatusCodes.Status200OK, "The ranked items.", typeof(Recommendation))
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Recommendation)
            .AnswersValidationProblem()
            .RequireApiRole(ApiRoles.Read)
            .RequireReadAdmission();
        return app;
    }

    /// <summary>
    /// Top-K in-stock SKUs for the user (default 10, at most 100), each with its score and reason;
    /// <c>sessionId</c> seeds session co-views, <c>category</c> keeps one category only.
    /// </summary>
    public static async Task<Results<Ok<Recommendation>, ValidationProblem>> GetAsync(
        string userId, IGrainFactory grains, string? count = null, string? sessionId = null, string? category = null)
    {
        Dictionary<string, string[]>? errors = null;
        if (!Identifiers.IsValidId(userId))
        {
            ApiProblems.Error(ref errors)["userId"] = [$"'userId' {Identifiers.IdRule}."];
        }

        var take = ApiProblems.WholeParameter(count, "count", 1, MaxCount, DefaultCount, ref errors);

        if (sessionId is not null && !Identifiers.IsValidId(sessionId))
        {
            ApiProblems.Error(ref errors)["sessionId"] = [$"'sessionId' {Identifiers.IdRule}."];
        }

        var only = ApiProblems.CategoryParameter(category, ref errors);

        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "The request was rejected");
        }

        var recommendation = await grains.Reference<IUserGrain>(userId)
            .RecommendAsync(new RecommendationRequest(take, sessionId, only));
        return TypedResults.Ok(recommendation);
    }
}
