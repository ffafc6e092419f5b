using EcomOrleans.LoadGen.Reporting;

namespace EcomOrleans.LoadGen.Replay;

/// <summary>What one phase of a replay (catalog upload or event posting) did.</summary>
/// <param name="Items">Items (SKUs or events) the engine took.</param>
/// <param name="ItemsFailed">Items in requests that failed after their retries.</param>
/// <param name="Requests">Logical requests (SKU PUTs or event batches).</param>
/// <param name="Attempts">HTTP attempts, retries included.</param>
/// <param name="ErrorsByStatus">Failed requests by their last HTTP status; 0 means no response.</param>
/// <param name="Latency">Every answered attempt's latency.</param>
public sealed record PhaseResult(
    long Items,
    long ItemsFailed,
    long Requests,
    long Attempts,
    long Accepted,
    long Duplicates,
    IReadOnlyDictionary<int, long> ErrorsByStatus,
    TimeSpan Elapsed,
    LatencyHistogram Latency)
{
    public long Retries => Attempts - Requests;

    public long Errors => ErrorsByStatus.Values.Sum();
}
