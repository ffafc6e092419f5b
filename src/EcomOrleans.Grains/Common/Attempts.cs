namespace EcomOrleans.Grains.Common;

/// <summary>Runs a call up to a number of times, waiting longer after each failure (0.5 s, doubling, at most 4 s).</summary>
internal static class Attempts
{
    internal static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);

    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(4);

    /// <summary>
    /// The result of <paramref name="call"/>, tried at most <paramref name="attempts"/> times; the last failure is thrown.
    /// <paramref name="onRetry"/> hears of each failure that is tried again, with the try's number and the wait.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        Func<Task<T>> call,
        int attempts,
        TimeProvider time,
        Action<int, TimeSpan, Exception> onRetry,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (attempt < attempts && !cancellationToken.IsCancellationRequested)
            {
                onRetry(attempt, delay, ex);
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }
    }
}
