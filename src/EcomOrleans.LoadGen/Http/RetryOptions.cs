namespace EcomOrleans.LoadGen.Http;

/// <summary>
/// Bounded exponential backoff for transient failures: no response (connection refused while a silo restarts,
/// reset, timeout), 408, 429, 502, 503 and 504. Ingestion is idempotent on event id, so resending is safe.
/// The defaults ride out the ~12 s in which a killed silo's grains move elsewhere.
/// </summary>
public sealed record RetryOptions
{
    /// <summary>Attempts per request, the first included. Default 10.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>Delay before the first retry; doubles with each retry. Default 100 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Upper bound of one delay, also of a server's Retry-After. Default 5 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    public static bool IsTransient(int statusCode) => statusCode is RequestOutcome.NoResponse or 408 or 429 or 502 or 503 or 504;

    /// <summary>The delay after failed attempt <paramref name="attempt"/> (1-based), honouring a Retry-After hint, with ±20% jitter.</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        var exponential = BaseDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, Math.Max(exponential.Ticks, retryAfter?.Ticks ?? 0)));

        // Jitter keeps parallel senders from retrying in lock step; it need not be reproducible.
#pragma warning disable CA5394 // Random is fine for jitter.
        return delay * (0.8 + (0.4 * Random.Shared.NextDouble()));
#pragma warning restore CA5394
    }
}
