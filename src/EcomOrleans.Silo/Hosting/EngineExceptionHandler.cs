using Azure;
using EcomOrleans.Inference;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Storage;
using StackExchange.Redis;

namespace EcomOrleans.Silo.Hosting;

/// <summary>
/// Turns an unhandled exception into a problem response with a clear status and message, never a
/// stack trace: 503 when the cluster or its storage is unavailable (retrying is safe), 500 otherwise.
/// </summary>
internal sealed partial class EngineExceptionHandler(IProblemDetailsService problems, ILogger<EngineExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var unavailable = IsUnavailable(exception);
        LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        context.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (unavailable)
        {
            // Clients are told to retry 503s; say when. A silo failure is detected and a store fails over in seconds.
            context.Response.Headers.RetryAfter = "1";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = context.Response.StatusCode,
                Title = unavailable ? "The engine is temporarily unavailable" : "The engine failed to handle the request",
                Detail = unavailable
                    ? "The cluster or its storage did not answer in time. Nothing of this request was acknowledged; retrying it is safe."
                    : "An unexpected error occurred; it has been logged.",
            },
        });
    }

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        TimeoutException or OrleansException or RedisException or RequestFailedException or InconsistentStateException
            or InferenceOverloadedException or ModelNotLoadedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        _ when exception.InnerException is { } inner => IsUnavailable(inner),
        _ => false,
    };

    [LoggerMessage(3101, LogLevel.Error, "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
