namespace EcomOrleans.Grains.Common;

/// <summary>
/// Lets one log line through per interval, shared by every activation in the silo: when the model is
/// missing, every user's refresh fails the same way, and one line a minute says it as well as thousands.
/// </summary>
public sealed class LogThrottle(TimeSpan interval)
{
    private long _nextAllowedTicks = long.MinValue;

    /// <summary>Whether to log now; thread-safe.</summary>
    public bool TryEnter(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextAllowedTicks);
        return now.UtcTicks >= next && Interlocked.CompareExchange(ref _nextAllowedTicks, now.UtcTicks + interval.Ticks, next) == next;
    }
}
