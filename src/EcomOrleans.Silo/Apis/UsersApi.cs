using EcomOrleans.Silo.Admission;
using EcomOrleans.Silo.ApiReference;
using EcomOrleans.Silo.Security;
using EcomOrleans.Users;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute;

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
        users.MapGet("/{userId}/intent", GetIntentAsync)
            .WithName("GetUserIntent")
            .WithSummary("What does this shopper want right now?")
            .WithDescription("Behaviour signals (each with a value, a confidence and its evidence) and the shopper's likely needs in words.")
            .Answers(StatusCodes.Status200OK, "The signals and needs.", typeof(UserIntent))
            .AnswersProblem(StatusCodes.Status404NotFound, "No events have been recorded for this user.")
            .RequireApiRole(ApiRoles.Bot)
            .RequireReadAdmission();
        users.MapPost("/{userId}/intent", PostIntentAsync)
            .WithName("ClassifyUserMessage")
            .WithSummary("The intent of a shopper's message, with what they did")
            .WithDescription($"The message's intent from the classifier at bot priority, or `fallback` when it is not sure, combined with the behaviour signals and recent orders. At most {MaxMessageLength} characters; the text is not kept.")
            .WithJsonBody<IntentRequest>(ApiExamples.IntentMessage)
            .Answers(StatusCodes.Status200OK, "The message's intent, signals and needs.", typeof(UserIntent))
            .AnswersProblem(StatusCodes.Status413PayloadTooLarge, $"{ApiResponses.PayloadTooLarge} At most {MaxIntentBodyBytes} bytes (8 KiB).")
            .AnswersProblem(StatusCodes.Status415UnsupportedMediaType, ApiResponses.UnsupportedMediaType)
            .RequireApiRole(ApiRoles.Bot)
            .RequireReadAdmission()
            .WithMetadata(new RequestSizeLimitAttribute(MaxIntentBodyBytes));
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

        var profile = await grains.Reference<IUserGrain>(userId).GetProfileAsync();
        return profile is null
            ? ApiProblems.NotFound("Unknown user", $"No events have been recorded for user '{userId}'.")
            : TypedResults.Ok(profile);
    }

    /// <summary>The longest message read, in characters; the classifier reads its first 128 tokens.</summary>
    public const int MaxMessageLength = 1_000;

    /// <summary>A message of 1,000 characters, each escaped as \uXXXX, fits in 8 KiB.</summary>
    public const long MaxIntentBodyBytes = 8 * 1024;

    /// <summary>The body of <c>POST /api/users/{userId}/intent</c>.</summary>
    public sealed record IntentRequest(string? Message);

    /// <summary>Behaviour signals and needs; 404 for a user with no events.</summary>
    public static async Task<Results<Ok<UserIntent>, ValidationProblem, ProblemHttpResult>> GetIntentAsync(string userId, IGrainFactory grains)
    {
        if (ApiProblems.CheckUserId(userId) is { } invalid)
        {
            return invalid;
        }

        var intent = await grains.Reference<IUserGrain>(userId).DescribeIntentAsync(null);
        return intent is null
            ? ApiProblems.NotFound("Unknown user", $"No events have been recorded for user '{userId}'.")
            : TypedResults.Ok(intent);
    }

    /// <summary>A message's intent with the signals; a user with no events is answered too (an anonymous shopper).</summary>
    public static async Task<Results<Ok<UserIntent>, ValidationProblem, ProblemHttpResult>> PostIntentAsync(
        string userId, HttpRequest http, IOptions<JsonOptions> json, IGrainFactory grains)
    {
        if (ApiProblems.CheckUserId(userId) is { } invalid)
        {
            return invalid;
        }

        var (request, problem) = await JsonBody.ReadAsync<IntentRequest>(http, json.Value.SerializerOptions, MaxIntentBodyBytes);
        switch (problem?.Result)
        {
            case ProblemHttpResult refused:
                return refused;
            case ValidationProblem malformed:
                return malformed;
        }

        if (CheckMessage(request!.Message) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["message"] = [error] }, title: "The message was rejected");
        }

        return TypedResults.Ok((await grains.Reference<IUserGrain>(userId).DescribeIntentAsync(request.Message!.Trim()))!);
    }

    /// <summary>What is wrong with <paramref name="message"/>, or <see langword="null"/> when it can be classified.</summary>
    public static string? CheckMessage(string? message)
    {
        if (message is null)
        {
            return "The message is required: {\"message\": \"...\"}.";
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            return "The message is empty.";
        }

        if (message.Length > MaxMessageLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The message is {message.Length} characters; at most {MaxMessageLength} are taken.");
        }

        // A lone surrogate cannot get here: the JSON reader refuses it (JsonBody names the field).
        for (var i = 0; i < message.Length; i++)
        {
            if (char.IsControl(message[i]) && message[i] is not ('\t' or '\n' or '\r'))
            {
                return string.Create(CultureInfo.InvariantCulture, $"The message must be text: character {i + 1} is U+{(int)message[i]:X4}, a control character.");
            }
        }

        return null;
    }

    /// <summary>Forgets a user (privacy): the stored state is deleted. Answers 204 whether or not the user was known.</summary>
    public static async Task<Results<NoContent, ValidationProblem>> ForgetAsync(string userId, IGrainFactory grains)
    {
        if (ApiProblems.CheckUserId(userId) is { } invalid)
        {
            return invalid;
        }

        await grains.Reference<IUserGrain>(userId).ForgetAsync();
        return TypedResults.NoContent();
    }
}
