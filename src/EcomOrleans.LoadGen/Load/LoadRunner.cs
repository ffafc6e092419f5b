namespace EcomOrleans.LoadGen.Load;

/// <summary>
/// Runs one step of a load test: open loop (requests sent when due, whatever the engine does) or closed loop (a fixed
/// number of workers, each sending its next request when the last one answered), and reports every finished request.
/// </summary>
/// <param name="send">Sends request <c>i</c> of the step; it must not throw for an engine failure, only return one.</param>
public sealed class LoadRunner(Func<int, CancellationToken, Task<RecommendationProbe>> send, TimeProvider time)
{
    private const int PruneAt = 1024;

    /// <summary>Sends each request of <paramref name="schedule"/> when due, without waiting for earlier answers.</summary>
    /// <returns>The time from the step's start to its last answer.</returns>
    public async Task<TimeSpan> RunOpenLoopAsync(OpenLoopSchedule schedule, Action<RequestSample> record, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var inFlight = new List<Task>();
        for (var i = 0; i < schedule.Count; i++)
        {
            // Answered requests go: each task holds its answer, and keeping a whole step's (100,000 at 5,000/s for 20 s)
            // made the generator's collections promote them all, pausing it for 30-60 ms every second or two, which
            // showed as the engine's tail. A failed one stays, for WhenAll to rethrow.
            if (inFlight.Count >= PruneAt)
            {
                inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
            }

            var due = schedule.StartOf(i);
            var wait = due - time.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            inFlight.Add(SendDueAsync(i, started, due, record, cancellationToken));
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        return time.GetElapsedTime(started);
    }

    /// <summary>Keeps <paramref name="workers"/> requests outstanding until <paramref name="duration"/> has passed.</summary>
    /// <returns>The time from the step's start to its last answer.</returns>
    public async Task<TimeSpan> RunClosedLoopAsync(int workers, TimeSpan duration, Action<RequestSample> record, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var started = time.GetTimestamp();
        var next = -1;
        async Task WorkAsync()
        {
            while (time.GetElapsedTime(started) < duration)
            {
                var index = Interlocked.Increment(ref next);
                var sent = time.GetTimestamp();
                var probe = await send(index, cancellationToken).ConfigureAwait(false);
                record(new RequestSample(index, time.GetElapsedTime(sent), probe));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkAsync())).ConfigureAwait(false);
        return time.GetElapsedTime(started);
    }

    private async Task SendDueAsync(int index, long started, TimeSpan due, Action<RequestSample> record, CancellationToken cancellationToken)
    {
        var probe = await send(index, cancellationToken).ConfigureAwait(false);
        record(new RequestSample(index, time.GetElapsedTime(started) - due, probe));
    }
}
