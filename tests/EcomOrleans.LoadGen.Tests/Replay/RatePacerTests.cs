using EcomOrleans.LoadGen.Replay;
using Microsoft.Extensions.Time.Testing;

namespace EcomOrleans.LoadGen.Tests.Replay;

public sealed class RatePacerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void WaitAsync_ZeroRate_NeverWaits()
    {
        var pacer = new RatePacer(0, _time);

        Assert.True(pacer.WaitAsync(500, CancellationToken.None).IsCompleted);
        Assert.True(pacer.WaitAsync(500, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void WaitAsync_NextBatch_StartsWhenTheEventsBeforeItHaveHadTheirTime()
    {
        var pacer = new RatePacer(eventsPerSecond: 200, _time);

        var first = pacer.WaitAsync(100, CancellationToken.None);
        var second = pacer.WaitAsync(100, CancellationToken.None);
        var third = pacer.WaitAsync(100, CancellationToken.None);

        // 100 events at 200/s take 500 ms: the second batch may start at 500 ms, the third at 1 s.
        Assert.True(first.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(second.IsCompleted);
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(third.IsCompleted);
    }

    [Fact]
    public void WaitAsync_AfterFallingBehind_DoesNotWait()
    {
        var pacer = new RatePacer(eventsPerSecond: 100, _time);
        _ = pacer.WaitAsync(100, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(3)); // the engine was slow: the pacer never adds to it

        Assert.True(pacer.WaitAsync(100, CancellationToken.None).IsCompleted);
    }
}
