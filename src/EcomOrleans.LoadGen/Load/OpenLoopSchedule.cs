namespace EcomOrleans.LoadGen.Load;

/// <summary>
/// When each request of an open-loop step is due: request <c>i</c> at <c>i / rate</c> seconds after the step starts,
/// however long earlier requests take. Latency is measured from that due time, so a slow engine shows up as queueing
/// instead of as fewer requests (no coordinated omission).
/// </summary>
public sealed class OpenLoopSchedule
{
    /// <param name="perSecond">Offered requests per second, more than 0.</param>
    /// <param name="duration">How long the step offers load; it holds <c>floor(rate x duration)</c> requests.</param>
    public OpenLoopSchedule(double perSecond, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        PerSecond = perSecond;
        Count = (int)Math.Min(int.MaxValue, Math.Floor(perSecond * duration.TotalSeconds));
    }

    public double PerSecond { get; }

    /// <summary>Requests in the step.</summary>
    public int Count { get; }

    /// <summary>When request <paramref name="index"/> is due, counted from the start of the step.</summary>
    public TimeSpan StartOf(int index) => TimeSpan.FromTicks((long)Math.Round(index * (TimeSpan.TicksPerSecond / PerSecond)));
}
