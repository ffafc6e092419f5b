using EcomOrleans.LoadGen.Reporting;

namespace EcomOrleans.LoadGen.Load;

/// <summary>What one load step did.</summary>
/// <param name="Offered">Offered requests/s; 0 for the closed-loop (saturation) step.</param>
/// <param name="Requests">Requests finished, failed ones included.</param>
/// <param name="Succeeded">Requests answered 2xx.</param>
/// <param name="Personalized">Successful answers the sequence model scored (<c>modelVersion</c> not <c>none</c>).</param>
/// <param name="ErrorsByStatus">Failed requests by HTTP status; 0 means no response.</param>
/// <param name="Elapsed">From the step's start to its last answer.</param>
/// <param name="Latency">Every request's latency, failed ones included; open loop from when it was due.</param>
public sealed record RateResult(
    double Offered,
    long Requests,
    long Succeeded,
    long Personalized,
    IReadOnlyDictionary<int, long> ErrorsByStatus,
    TimeSpan Elapsed,
    LatencyHistogram Latency)
{
    /// <summary>Successful answers per second of the step.</summary>
    public double AchievedPerSecond => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;

    public long Errors => Requests - Succeeded;

    /// <summary>Share (0-1) of successful answers that were personalized; 0 when none succeeded.</summary>
    public double PersonalizedShare => Succeeded == 0 ? 0 : (double)Personalized / Succeeded;
}
