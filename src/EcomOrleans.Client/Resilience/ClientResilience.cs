using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EcomOrleans.Client.Resilience;

/// <summary>
/// The client's resilience pipeline: bounded retries of transient failures outside, a timeout per attempt inside.
/// Transient: 429 (the caller's rate or the silo's queue), 502, 503 (storage unavailable; the engine acknowledged
/// nothing), 504, no connection (refused or reset, as while a silo restarts) and an attempt that timed out. Nothing
/// else is retried: a 4xx other than 429 would fail the same way again.
/// </summary>
internal static class ClientResilience
{
    /// <summary>Adds the retry (unless <see cref="EcomOrleansClientOptions.MaxRetries"/> is 0) and the attempt timeout to <paramref name="builder"/>.</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, EcomOrleansClientOptions options, TimeProvider time)
    {
        builder.TimeProvider = time;
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                // NOTE: the generator decides every delay (Retry-After, else exponential with ±20% jitter): Polly's own
                // jitter has no bound a test or a reader can state, and its backoff ignores Retry-After.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    RetryDelay.Before(args.AttemptNumber + 1, RetryAfterOf(args.Outcome.Result, time), options, RetryDelay.Jitter())),
            });
        }

        return builder.AddTimeout(options.Timeout);
    }

    /// <summary>Whether an attempt's outcome is worth another attempt.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    /// <summary>429, 502, 503 and 504.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait a response's <c>Retry-After</c> asks for (seconds or a date), or <see langword="null"/> without one.</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseMessage? response, TimeProvider time) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };
}
