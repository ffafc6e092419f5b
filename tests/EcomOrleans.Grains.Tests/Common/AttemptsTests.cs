using EcomOrleans.Grains.Common;
using Microsoft.Extensions.Time.Testing;

namespace EcomOrleans.Grains.Tests.Common;

public sealed class AttemptsTests
{
    [Fact]
    public async Task RunAsync_FailingTwiceThenAnswering_WaitsHalfASecondThenOneAndAnswers()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var retries = new List<(int Attempt, TimeSpan Delay, string Message)>();

        var run = Attempts.RunAsync(
            () => ++calls <= 2 ? throw new TimeoutException($"slow {calls}") : Task.FromResult(42),
            attempts: 5,
            time,
            (attempt, delay, ex) => retries.Add((attempt, delay, ex.Message)),
            CancellationToken.None);
        var callsBeforeAnyWait = calls;
        time.Advance(TimeSpan.FromMilliseconds(499));
        var callsBeforeHalfASecond = calls;
        time.Advance(TimeSpan.FromMilliseconds(1));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(42, await run);
        Assert.Equal((1, 1), (callsBeforeAnyWait, callsBeforeHalfASecond));
        Assert.Equal([(1, TimeSpan.FromMilliseconds(500), "slow 1"), (2, TimeSpan.FromSeconds(1), "slow 2")], retries);
    }

    [Fact]
    public async Task RunAsync_FailingEveryTry_ThrowsTheLastFailureAfterTheLastTry()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var delays = new List<TimeSpan>();

        var run = Attempts.RunAsync<int>(
            () => throw new TimeoutException($"slow {++calls}"),
            attempts: 5,
            time,
            (_, delay, _) => delays.Add(delay),
            CancellationToken.None);
        foreach (var wait in new[] { 0.5, 1, 2, 4 })
        {
            time.Advance(TimeSpan.FromSeconds(wait));
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => run);
        Assert.Equal("slow 5", error.Message);
        Assert.Equal([0.5, 1, 2, 4], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task RunAsync_OneAttempt_ThrowsTheFirstFailureWithoutWaiting()
    {
        var run = Attempts.RunAsync<int>(() => throw new TimeoutException("slow"), attempts: 1, new FakeTimeProvider(), (_, _, _) => Assert.Fail("no retry"), CancellationToken.None);

        Assert.Equal("slow", (await Assert.ThrowsAsync<TimeoutException>(() => run)).Message);
    }
}
