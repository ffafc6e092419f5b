using EcomOrleans.LoadGen.Load;
using Microsoft.Extensions.Time.Testing;

namespace EcomOrleans.LoadGen.Tests.Load;

public sealed class LoadRunnerTests
{
    private static readonly RecommendationProbe Ok = new(200, true, ["beauty-1"]);

    private readonly FakeTimeProvider _time = new();
    private readonly List<RequestSample> _samples = [];
    private readonly List<(int Index, TimeSpan SentAt)> _sent = [];

    [Fact]
    public async Task RunOpenLoopAsync_EngineKeepsUp_SendsEachRequestWhenDueAndMeasuresFromThere()
    {
        // Each answer takes 100 ms of the fake clock, as long as the schedule's interval: the step never falls behind.
        var schedule = new OpenLoopSchedule(10, TimeSpan.FromSeconds(1));
        var start = _time.GetTimestamp();
        var runner = new LoadRunner((i, _) => { Send(i, start); _time.Advance(TimeSpan.FromMilliseconds(100)); return Task.FromResult(Ok); }, _time);

        var elapsed = await runner.RunOpenLoopAsync(schedule, Record, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (i, TimeSpan.FromMilliseconds(100 * i))), _sent);
        Assert.All(_samples, s => Assert.Equal(TimeSpan.FromMilliseconds(100), s.Latency));
        Assert.Equal(TimeSpan.FromSeconds(1), elapsed);
    }

    [Fact]
    public async Task RunOpenLoopAsync_SenderFallsBehind_MeasuresEachRequestFromItsScheduledStart()
    {
        var schedule = new OpenLoopSchedule(10, TimeSpan.FromSeconds(1));
        var runner = new LoadRunner((_, _) => Task.FromResult(Ok), _time);

        var run = runner.RunOpenLoopAsync(schedule, Record, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1)); // a stall: requests 1-9 go out a whole second after the step began
        await run;

        // Request i was due at i x 100 ms and answered at 1 s: its wait counts, as a shopper's would.
        var expected = Enumerable.Range(0, 10).Select(i => (i, i == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(1000 - (100 * i))));
        Assert.Equal(expected, _samples.Select(s => (s.Index, s.Latency)).Order());
    }

    [Fact]
    public async Task RunOpenLoopAsync_SlowAnswer_DoesNotHoldBackLaterRequests()
    {
        var schedule = new OpenLoopSchedule(10, TimeSpan.FromSeconds(0.3));
        var first = new TaskCompletionSource<RecommendationProbe>();
        var lastSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new LoadRunner(
            (i, _) =>
            {
                if (i == 2)
                {
                    lastSent.SetResult();
                }

                return i == 0 ? first.Task : Task.FromResult(Ok);
            },
            _time);

        var run = runner.RunOpenLoopAsync(schedule, Record, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        await lastSent.Task; // requests 1 and 2 went out while request 0 is still unanswered
        _time.Advance(TimeSpan.FromMilliseconds(50));
        first.SetResult(Ok);
        await run;

        Assert.Equal(TimeSpan.FromMilliseconds(250), _samples.Single(s => s.Index == 0).Latency);
        Assert.Equal(3, _samples.Count);
    }

    [Fact]
    public async Task RunOpenLoopAsync_StepLongerThanThePruning_StillWaitsForTheUnansweredAndRethrowsTheFailed()
    {
        // 3,000 requests, each sent 1 ms after the last (the clock moves as each goes out): answered ones are let go
        // along the way, request 5 stays unanswered and request 10 fails, past several prunings of the answered ones.
        var schedule = new OpenLoopSchedule(1000, TimeSpan.FromSeconds(3));
        var slow = new TaskCompletionSource<RecommendationProbe>();
        var runner = new LoadRunner(
            (i, _) =>
            {
                _time.Advance(TimeSpan.FromMilliseconds(1));
                return i switch
                {
                    5 => slow.Task,
                    10 => throw new InvalidOperationException("request 10 failed"),
                    _ => Task.FromResult(Ok),
                };
            },
            _time);

        var run = runner.RunOpenLoopAsync(schedule, Record, CancellationToken.None);

        Assert.False(run.IsCompleted);
        Assert.Equal(2998, _samples.Count);
        slow.SetResult(Ok);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal("request 10 failed", error.Message);
        Assert.Equal(2999, _samples.Count);
    }

    [Fact]
    public async Task RunClosedLoopAsync_OneWorker_SendsBackToBackUntilTheDurationHasPassed()
    {
        // Each answer takes 100 ms of the fake clock: one worker fits ten in one second.
        var runner = new LoadRunner((i, _) => { _time.Advance(TimeSpan.FromMilliseconds(100)); return Task.FromResult(Ok); }, _time);

        var elapsed = await runner.RunClosedLoopAsync(1, TimeSpan.FromSeconds(1), Record, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 10), _samples.Select(s => s.Index));
        Assert.All(_samples, s => Assert.Equal(TimeSpan.FromMilliseconds(100), s.Latency));
        Assert.Equal(TimeSpan.FromSeconds(1), elapsed);
    }

    private void Send(int index, long start)
    {
        lock (_sent)
        {
            _sent.Add((index, _time.GetElapsedTime(start)));
        }
    }

    private void Record(RequestSample sample)
    {
        lock (_samples)
        {
            _samples.Add(sample);
        }
    }
}
