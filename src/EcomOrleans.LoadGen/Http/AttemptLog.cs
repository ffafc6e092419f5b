using EcomOrleans.LoadGen.Reporting;

namespace EcomOrleans.LoadGen.Http;

/// <summary>
/// The attempts of one logical request, as <see cref="AttemptRecorder"/> sees them below the client's retries: how
/// many, the last one's status, and each answered attempt's latency into the caller's histogram.
/// </summary>
internal sealed class AttemptLog(LatencyHistogram latency)
{
    // NOTE: an AsyncLocal carries the log from EngineClient's call down through EcomOrleansClient and its resilience
    // handler to the recorder: the typed client has no per-request hook, and the histogram differs per sender.
    private static readonly AsyncLocal<AttemptLog?> CurrentLog = new();

    /// <summary>The log of the request this async flow is making, if any.</summary>
    public static AttemptLog? Current
    {
        get => CurrentLog.Value;
        set => CurrentLog.Value = value;
    }

    public int Attempts { get; private set; }

    /// <summary>The last attempt's status, or <see cref="RequestOutcome.NoResponse"/> when it got none.</summary>
    public int LastStatus { get; private set; } = RequestOutcome.NoResponse;

    public void Answered(int status, TimeSpan elapsed)
    {
        Attempts++;
        LastStatus = status;
        latency.Record(elapsed);
    }

    public void Unanswered()
    {
        Attempts++;
        LastStatus = RequestOutcome.NoResponse;
    }
}
