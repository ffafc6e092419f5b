using System.Diagnostics;

namespace EcomOrleans.LoadGen.Benchmarks;

/// <summary>The warm-up and measured windows of one measurement, and the latencies completed inside the measured one.</summary>
internal sealed class MeasurementWindow(double warmupSeconds, double seconds)
{
    private readonly long _measureFrom = Stopwatch.GetTimestamp() + (long)(warmupSeconds * Stopwatch.Frequency);
    private readonly long _measureTo = Stopwatch.GetTimestamp() + (long)((warmupSeconds + seconds) * Stopwatch.Frequency);

    public bool Over => Stopwatch.GetTimestamp() >= _measureTo;

    /// <summary>Adds the latency of a request started at <paramref name="start"/> if it ended inside the measured window.</summary>
    public void Record(List<long> latencies, long start)
    {
        var end = Stopwatch.GetTimestamp();
        if (end >= _measureFrom && end < _measureTo)
        {
            latencies.Add(end - start);
        }
    }
}
