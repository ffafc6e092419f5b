using EcomOrleans.LoadGen.Reporting;

namespace EcomOrleans.LoadGen.Load;

/// <summary>The counts of one load step; requests finish on many threads, so every update takes the lock.</summary>
public sealed class RateTally(bool keepSamples = false)
{
    private readonly Lock _lock = new();
    // Index, latency and status only: a probe keeps its SKUs, and 100,000 of them would make the generator's own
    // collections (and so the latencies it measures) longer.
    private readonly List<SampleRow>? _samples = keepSamples ? [] : null;
    private readonly LatencyHistogram _latency = new();
    private readonly Dictionary<int, long> _errorsByStatus = [];
    private long _requests;
    private long _succeeded;
    private long _personalized;

    /// <summary>Requests answered (or failed) so far.</summary>
    public long Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests;
            }
        }
    }

    /// <summary>Requests that failed so far.</summary>
    public long Errors
    {
        get
        {
            lock (_lock)
            {
                return _requests - _succeeded;
            }
        }
    }

    public void Record(RequestSample sample)
    {
        lock (_lock)
        {
            _requests++;
            _latency.Record(sample.Latency);
            _samples?.Add(new SampleRow(sample.Index, sample.Latency, sample.Probe.Status));
            if (sample.Probe.Succeeded)
            {
                _succeeded++;
                _personalized += sample.Probe.Personalized ? 1 : 0;
            }
            else
            {
                _errorsByStatus[sample.Probe.Status] = _errorsByStatus.GetValueOrDefault(sample.Probe.Status) + 1;
            }
        }
    }

    /// <summary>Every finished request in the order they finished; empty unless the tally was made to keep them.</summary>
    public IReadOnlyList<SampleRow> Samples()
    {
        lock (_lock)
        {
            return _samples is null ? [] : [.. _samples];
        }
    }

    /// <param name="offered">Offered requests/s; 0 for a closed-loop step.</param>
    public RateResult ToResult(double offered, TimeSpan elapsed)
    {
        lock (_lock)
        {
            return new RateResult(offered, _requests, _succeeded, _personalized, new Dictionary<int, long>(_errorsByStatus), elapsed, _latency);
        }
    }
}
