using EcomOrleans.Client.Resilience;

namespace EcomOrleans.Client.Tests.Resilience;

public sealed class RetryDelayTests
{
    private static readonly EcomOrleansClientOptions Options = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(5) };

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(4, 800)]
    [InlineData(6, 3200)]
    public void Before_NoRetryAfter_DoublesPerRetryWithinJitter(int retry, int expectedMs)
    {
        Assert.Equal(expectedMs * 0.8, RetryDelay.Before(retry, null, Options, jitter: 0).TotalMilliseconds, precision: 6);
        Assert.Equal(expectedMs * 1.2, RetryDelay.Before(retry, null, Options, jitter: 1).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void Before_LateRetry_IsCappedAtMaxRetryDelay()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RetryDelay.Before(7, null, Options, jitter: 0.5)); // 6.4 s, capped
    }

    [Fact]
    public void Before_RetryAfter_IsNeverShortenedAndAtMostOneFifthLonger()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), RetryDelay.Before(1, TimeSpan.FromSeconds(2), Options, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(2.4), RetryDelay.Before(1, TimeSpan.FromSeconds(2), Options, jitter: 1));
        // The hint wins over the backoff even when it is shorter.
        Assert.Equal(TimeSpan.FromSeconds(1), RetryDelay.Before(6, TimeSpan.FromSeconds(1), Options, jitter: 0));
    }

    [Fact]
    public void Before_RetryAfterBeyondTheCap_IsCapped()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RetryDelay.Before(1, TimeSpan.FromMinutes(1), Options, jitter: 0));
    }

    [Fact]
    public void Before_RetryAfterDateInThePast_RetriesAtOnce()
    {
        Assert.Equal(TimeSpan.Zero, RetryDelay.Before(1, TimeSpan.FromSeconds(-3), Options, jitter: 0.5));
    }
}
