using EcomOrleans.Client;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Reporting;

namespace EcomOrleans.LoadGen.Replay;

/// <summary>
/// Where <see cref="EventReplayer"/> sends a batch: the engine over HTTP (<see cref="EngineClient"/>) or its grains in
/// this process (<see cref="GrainSink"/>), so both runs share the lanes, pacing and report.
/// </summary>
public interface IEventSink
{
    /// <summary>Sends one batch of at most <see cref="EcomOrleansClient.MaxEventsPerBatch"/> events and records each attempt's latency.</summary>
    Task<RequestOutcome> PostEventsAsync(ReadOnlyMemory<ReplayEvent> events, LatencyHistogram latency, CancellationToken cancellationToken);
}
