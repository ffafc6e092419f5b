namespace EcomOrleans.Client.Resilience;

/// <summary>How long to wait before a retry.</summary>
internal static class RetryDelay
{
    /// <summary>
    /// The wait before retry <paramref name="retry"/> (1 for the first). With a <c>Retry-After</c> hint: the hint, never
    /// less, plus up to 20% so that refused callers do not all come back at once. Without one:
    /// <see cref="EcomOrleansClientOptions.RetryBaseDelay"/> doubled per retry, ±20%. Never more than
    /// <see cref="EcomOrleansClientOptions.MaxRetryDelay"/>.
    /// </summary>
    /// <param name="jitter">A number in [0, 1) that places the delay in its jitter range.</param>
    public static TimeSpan Before(int retry, TimeSpan? retryAfter, EcomOrleansClientOptions options, double jitter)
    {
        var delay = retryAfter is { } hint
            ? Max(hint, TimeSpan.Zero) * (1 + (0.2 * jitter))
            : options.RetryBaseDelay * Math.Pow(2, Math.Clamp(retry - 1, 0, 30)) * (0.8 + (0.4 * jitter));
        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }

    /// <summary>A fresh jitter; it need not be reproducible, only spread parallel callers apart.</summary>
#pragma warning disable CA5394 // Random is fine for jitter.
    public static double Jitter() => Random.Shared.NextDouble();
#pragma warning restore CA5394

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
