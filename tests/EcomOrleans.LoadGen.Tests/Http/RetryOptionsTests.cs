using EcomOrleans.LoadGen.Http;

namespace EcomOrleans.LoadGen.Tests.Http;

public sealed class RetryOptionsTests
{
    private readonly RetryOptions _options = new() { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(5) };

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(4, 800)]
    [InlineData(7, 5000)] // 6.4 s, capped
    [InlineData(40, 5000)]
    public void DelayAfter_Attempt_DoublesUpToTheCapWithinJitter(int attempt, int expectedMs)
    {
        var delay = _options.DelayAfter(attempt, retryAfter: null);

        Assert.InRange(delay.TotalMilliseconds, expectedMs * 0.8, expectedMs * 1.2);
    }

    [Fact]
    public void DelayAfter_RetryAfterHint_IsHonouredUpToTheCap()
    {
        Assert.InRange(_options.DelayAfter(1, TimeSpan.FromSeconds(2)).TotalMilliseconds, 1600, 2400);
        Assert.InRange(_options.DelayAfter(1, TimeSpan.FromMinutes(1)).TotalMilliseconds, 4000, 6000);
    }

    [Theory]
    [InlineData(0, true)] // no response: refused while a silo restarts
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(500, false)]
    public void IsTransient_Status_OnlyForFailuresWorthResending(int status, bool expected)
    {
        Assert.Equal(expected, RetryOptions.IsTransient(status));
    }
}
