using EcomOrleans.Grains.Users;

namespace EcomOrleans.Grains.Tests.Users;

public sealed class EmbeddingRefreshPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, false)]   // never served: refreshed when it first asks
    [InlineData(29, true)]      // served 29 minutes ago: on the storefront now
    [InlineData(30, true)]
    [InlineData(31, false)]     // gone quiet: its next request refreshes it
    public void RefreshInBackground_OnlyForUsersServedWithinTheWindow(int? minutesSinceServed, bool expected)
    {
        var policy = new EmbeddingRefreshPolicy(TimeSpan.FromMinutes(30));

        Assert.Equal(expected, policy.RefreshInBackground(minutesSinceServed is { } m ? Now.AddMinutes(-m) : null, Now));
    }

    [Fact]
    public void RefreshInBackground_ZeroWindow_Never()
    {
        Assert.False(new EmbeddingRefreshPolicy(TimeSpan.Zero).RefreshInBackground(Now, Now));
    }
}
