using EcomOrleans.Grains.Common;

namespace EcomOrleans.Grains.Tests.Common;

public sealed class LogThrottleTests
{
    [Fact]
    public void TryEnter_WithinTheInterval_LetsOnlyTheFirstThrough()
    {
        var throttle = new LogThrottle(TimeSpan.FromMinutes(1));
        var t0 = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(
            [true, false, false, true],
            [throttle.TryEnter(t0), throttle.TryEnter(t0.AddSeconds(1)), throttle.TryEnter(t0.AddSeconds(59)), throttle.TryEnter(t0.AddMinutes(1))]);
    }
}
