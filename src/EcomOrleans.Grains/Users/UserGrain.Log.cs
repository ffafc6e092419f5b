using Microsoft.Extensions.Logging;

namespace EcomOrleans.Grains.Users;

public sealed partial class UserGrain
{
    [LoggerMessage(1001, LogLevel.Warning, "Writing state of user {UserId} failed; the batch is not acknowledged and the grain will reload")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(1007, LogLevel.Warning, "Reading the spilled dedup keys of user {UserId} failed; the batch is not acknowledged")]
    private static partial void LogDedupReadFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(1003, LogLevel.Warning, "Refreshing the embedding of user {UserId} failed; recommendations fall back until the next refresh (logged at most once a minute)")]
    private static partial void LogEmbeddingFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(1006, LogLevel.Warning, "Matching the searches of user {UserId} to the catalog failed; they count in the demand gaps but not in the user's affinities (logged at most once a minute)")]
    private static partial void LogSearchesFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(1004, LogLevel.Warning, "Scoring the catalog for user {UserId} failed; this recommendation is served by the fallbacks")]
    private static partial void LogScoringFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(1002, LogLevel.Information, "Forgot user {UserId}: stored state cleared")]
    private static partial void LogForgotten(ILogger logger, string userId);

    [LoggerMessage(1005, LogLevel.Warning, "The stored state of user {UserId} was {What} under its activation; re-read from the store")]
    private static partial void LogStoredStateChanged(ILogger logger, string userId, string what);
}
