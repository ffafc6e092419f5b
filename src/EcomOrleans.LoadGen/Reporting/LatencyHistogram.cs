using HdrHistogram;

namespace EcomOrleans.LoadGen.Reporting;

/// <summary>
/// Request latencies in an HdrHistogram, in microseconds with 3 significant digits, up to 10 minutes.
/// Not thread-safe: each sender records into its own and <see cref="Add"/> merges them at the end.
/// </summary>
public sealed class LatencyHistogram
{
    private static readonly long HighestTrackableMicroseconds = (long)TimeSpan.FromMinutes(10).TotalMicroseconds;

    private readonly LongHistogram _histogram = new(HighestTrackableMicroseconds, numberOfSignificantValueDigits: 3);

    public long Count => _histogram.TotalCount;

    public void Record(TimeSpan latency) =>
        _histogram.RecordValue(Math.Clamp((long)latency.TotalMicroseconds, 0, HighestTrackableMicroseconds));

    public void Add(LatencyHistogram other) => _histogram.Add(other._histogram);

    /// <summary>The latency at <paramref name="percentile"/> (0-100) in milliseconds; 0 when nothing was recorded.</summary>
    public double PercentileMs(double percentile) => Count == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / 1000.0;

    /// <summary>The largest recorded latency in milliseconds (to the histogram's resolution); 0 when nothing was recorded.</summary>
    public double MaxMs => Count == 0 ? 0 : _histogram.GetMaxValue() / 1000.0;

    public double MeanMs => Count == 0 ? 0 : _histogram.GetMean() / 1000.0;
}
