namespace EcomOrleans.LoadGen.Replay;

/// <summary>
/// Spaces batches so that, across all senders, events leave at a target rate: the batch that follows the first
/// <c>n</c> events may start <c>n / rate</c> seconds after the pacer was created. A rate of 0 never waits.
/// </summary>
public sealed class RatePacer
{
    private readonly double _eventsPerSecond;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Lock _lock = new();
    private long _scheduledEvents;

    public RatePacer(double eventsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventsPerSecond);
        _eventsPerSecond = eventsPerSecond;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>Completes when a batch of <paramref name="events"/> events may be sent.</summary>
    public Task WaitAsync(int events, CancellationToken cancellationToken)
    {
        if (_eventsPerSecond <= 0)
        {
            return Task.CompletedTask;
        }

        long before;
        lock (_lock)
        {
            before = _scheduledEvents;
            _scheduledEvents += events;
        }

        var wait = TimeSpan.FromSeconds(before / _eventsPerSecond) - _time.GetElapsedTime(_started);
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, _time, cancellationToken);
    }
}
