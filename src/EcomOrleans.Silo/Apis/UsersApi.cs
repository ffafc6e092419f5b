using EcomOrleans.Silo.Admission;
using EcomOrleans.Silo.ApiReference;
using EcomOrleans.Silo.Security;
using EcomOrleans.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcomOrleans.Silo.Apis;

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users")
            .WithTags("Users")
            .AnswersValidationProblem()
            .AnswersProblem(StatusCodes.Status503ServiceUnavailable, ApiResponses.ServiceUnavailable, ApiExamples.ServiceUnavailable);
        users.MapGet("/{userId}", GetProfileAsync)
            .WithName("GetUserProfile")
            .WithSummary("Read a user's profile")
            .WithDescription("The rolling behaviour sequence, the sessions, and category affinities decayed to now.")
            .Answers(StatusCodes.Status200OK, "The profile.", typeof(UserProfile))
            .AnswersProblem(StatusCodes.Status404NotFound, "No events have been recorded for this user.")
            .RequireApiRole(ApiRoles.Read)
            .RequireReadAdmission();
        users.MapDelete("/{userId}", ForgetAsync)
            .WithName("ForgetUser")
            .WithSummary("Forget a user")
            .WithDescription("Privacy: the user's stored state is deleted. Answers 204 whether or not the user was known.")
            .Answers(StatusCodes.Status204NoContent, "Forgotten (or never known).")
            .RequireApiRole(ApiRoles.Admin)
            .RequireWriteAdmission();
        return app;
    }

    /// <summary>The user's behaviour sequence, sessions and decayed category affinities.</summary>
    public static async Task<Results<Ok<UserProfile>, ValidationProblem, ProblemHttpResult>> GetProfileAsync(string userId, IGrainFactory grains)
    {
        if (ApiProblems.CheckUserId(userId) is { } invalid)
        {
            return invalid;
        }

        var profile = await grains.GetGrain<IUserGrain>(userId).GetProfileAsync();
        return profile is null
            ? ApiProblems.NotFound("Unknown user", $"No events have been recorded for user '{userId}'.")
            : TypedResults.Ok(profile);
    }

    /// <summary>Forgets a user (privacy): the stored state is deleted. Answers 204 whether or not the user was known.</summary>
    public static async Task<Results<NoContent, ValidationProblem>> ForgetAsync(string userId, IGrainFactory grains)
    {
        if (ApiProblems.CheckUserId(userId) is { } invalid)
        {
            return invalid;
        }

        await grains.GetGrain<IUserGrain>(userId).ForgetAsync();
        return TypedResults.NoContent();
    }
}
