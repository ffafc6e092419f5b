using System.Text.Json;
using EcomOrleans.Grains.Common;
using EcomOrleans.Grains.Users;

namespace EcomOrleans.Grains.Tests.Users;

public sealed class UserStateCompactTests
{
    [Fact]
    public void Compact_StateReadFromJson_SharesItsStringsAndTrimsItsLists()
    {
        // A JSON read builds one string per occurrence and grows lists by doubling.
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "user-state-v2.json"));
        var state = JsonSerializer.Deserialize<UserState>(json)!;
        state.Sequence.Capacity = 64;
        Assert.NotSame(state.Sequence[1].SessionId, state.Sessions[0].SessionId);
        Assert.NotSame(state.Sequence[1].Sku, state.Sequence[2].Sku);

        UserStateMigration.Compact(state, sequenceLength: 50, maxSessions: 20, maxCategories: 50);

        Assert.All(state.Sequence, e => Assert.Same(state.Sessions[0].SessionId, e.SessionId));
        Assert.All(state.Sequence.Skip(1), e => Assert.Same(StringPool.Intern("beauty-17"), e.Sku));
        Assert.Same(StringPool.Intern("makeup"), state.Affinities[0].Category);
        Assert.Equal(50, state.Sequence.Capacity);
        // What the entries say is unchanged.
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<UserState>(json)), JsonSerializer.Serialize(state));
    }
}
