using EcomOrleans.Client;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Http;

namespace EcomOrleans.LoadGen.Replay;

/// <summary>
/// Posts a script's events in batches. Each user belongs to one sender (by a stable hash of the user id), and each
/// sender sends its users' events in time order and waits for a batch's answer before the next, so a user's events
/// reach the engine in the order they happened while <see cref="ReplaySettings.Concurrency"/> batches are in flight.
/// </summary>
public sealed class EventReplayer(IEventSink sink, TimeProvider time)
{
    public async Task<PhaseResult> RunAsync(
        ReadOnlyMemory<ReplayEvent> events, ReplaySettings settings, ReplayProgress progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.BatchSize, EcomOrleansClient.MaxEventsPerBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Concurrency, 1);

        var lanes = Partition(events.Span, settings.Concurrency);
        var tallies = lanes.Select(_ => new PhaseTally()).ToArray();
        var pacer = new RatePacer(settings.EventsPerSecond, time);
        var started = time.GetTimestamp();
        await Senders.RunAsync(
            lanes.Length,
            (lane, ct) => SendLaneAsync(events, lanes[lane], settings.BatchSize, pacer, tallies[lane], progress, ct),
            cancellationToken).ConfigureAwait(false);
        return PhaseTally.Combine(tallies, time.GetElapsedTime(started));
    }

    /// <summary>The sender of each event: a stable hash of its user id, so a user's events stay on one sender.</summary>
    public static List<int>[] Partition(ReadOnlySpan<ReplayEvent> events, int senders)
    {
        var lanes = new List<int>[senders];
        for (var i = 0; i < senders; i++)
        {
            lanes[i] = new List<int>((events.Length / senders) + 1);
        }

        for (var i = 0; i < events.Length; i++)
        {
            lanes[(int)(StableHash.Of(events[i].UserId) % (ulong)senders)].Add(i);
        }

        return lanes;
    }

    private async Task SendLaneAsync(
        ReadOnlyMemory<ReplayEvent> events,
        List<int> lane,
        int batchSize,
        RatePacer pacer,
        PhaseTally tally,
        ReplayProgress progress,
        CancellationToken cancellationToken)
    {
        var batch = new ReplayEvent[batchSize];
        for (var start = 0; start < lane.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, lane.Count - start);
            var source = events.Span;
            for (var i = 0; i < count; i++)
            {
                batch[i] = source[lane[start + i]];
            }

            await pacer.WaitAsync(count, cancellationToken).ConfigureAwait(false);
            var outcome = await sink.PostEventsAsync(batch.AsMemory(0, count), tally.Latency, cancellationToken).ConfigureAwait(false);
            tally.Add(outcome, count);
            progress.Report(count, outcome.Succeeded);
        }
    }
}
