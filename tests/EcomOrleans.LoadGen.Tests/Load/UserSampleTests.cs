using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Load;
using EcomOrleans.LoadGen.Tests.Support;

namespace EcomOrleans.LoadGen.Tests.Load;

public sealed class UserSampleTests
{
    // The beauty fixture: 8 users.
    private static readonly ReplayScript Script = DatasetRegistry.Get("beauty").Load(TestData.Fixtures, new ScriptOptions(42, TestData.Now));

    [Fact]
    public void Pick_SameSeed_SameUsersInTheSameOrder()
    {
        Assert.Equal(UserSample.Pick(Script.Events, 5, seed: 7), UserSample.Pick(Script.Events, 5, seed: 7));
    }

    [Fact]
    public void Pick_FewerThanAllUsers_DistinctUsersThatHaveEvents()
    {
        var users = UserSample.Pick(Script.Events, 5, seed: 7);

        Assert.Equal(5, users.Distinct(StringComparer.Ordinal).Count());
        Assert.All(users, u => Assert.Contains(Script.Events, e => e.UserId == u));
    }

    [Fact]
    public void Pick_MoreThanAllUsers_EveryUserOnce()
    {
        var users = UserSample.Pick(Script.Events, 1000, seed: 7);

        Assert.Equal(Script.Events.Select(e => e.UserId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), users.Order(StringComparer.Ordinal));
    }
}
