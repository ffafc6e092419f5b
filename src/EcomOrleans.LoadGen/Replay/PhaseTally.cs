using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Reporting;

namespace EcomOrleans.LoadGen.Replay;

/// <summary>One sender's counts; senders never share one, and <see cref="Combine"/> merges them when all are done.</summary>
internal sealed class PhaseTally
{
    private readonly Dictionary<int, long> _errorsByStatus = [];
    private long _items;
    private long _itemsFailed;
    private long _requests;
    private long _attempts;
    private long _accepted;
    private long _duplicates;

    public LatencyHistogram Latency { get; } = new();

    public void Add(RequestOutcome outcome, int items)
    {
        _requests++;
        _attempts += outcome.Attempts;
        if (outcome.Succeeded)
        {
            _items += items;
            _accepted += outcome.Ingest?.Accepted ?? 0;
            _duplicates += outcome.Ingest?.Duplicates ?? 0;
        }
        else
        {
            _itemsFailed += items;
            _errorsByStatus[outcome.StatusCode] = _errorsByStatus.GetValueOrDefault(outcome.StatusCode) + 1;
        }
    }

    public static PhaseResult Combine(IEnumerable<PhaseTally> tallies, TimeSpan elapsed)
    {
        var errors = new Dictionary<int, long>();
        var latency = new LatencyHistogram();
        long items = 0, failed = 0, requests = 0, attempts = 0, accepted = 0, duplicates = 0;
        foreach (var tally in tallies)
        {
            items += tally._items;
            failed += tally._itemsFailed;
            requests += tally._requests;
            attempts += tally._attempts;
            accepted += tally._accepted;
            duplicates += tally._duplicates;
            latency.Add(tally.Latency);
            foreach (var (status, count) in tally._errorsByStatus)
            {
                errors[status] = errors.GetValueOrDefault(status) + count;
            }
        }

        return new PhaseResult(items, failed, requests, attempts, accepted, duplicates, errors, elapsed, latency);
    }
}
