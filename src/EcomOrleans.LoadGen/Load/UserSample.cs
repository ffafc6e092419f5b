using EcomOrleans.LoadGen.Datasets;

namespace EcomOrleans.LoadGen.Load;

/// <summary>The users a load test asks for: a seeded random sample of a data set's users that have events.</summary>
public static class UserSample
{
    /// <summary>
    /// Up to <paramref name="count"/> distinct users of <paramref name="events"/>; the same events, count and seed
    /// always give the same users in the same order.
    /// </summary>
    public static IReadOnlyList<string> Pick(ReadOnlySpan<ReplayEvent> events, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var users = new List<string>();
        foreach (var e in events)
        {
            if (seen.Add(e.UserId))
            {
                users.Add(e.UserId);
            }
        }

        // A partial Fisher-Yates shuffle: the first count places are a uniform sample.
        var random = new DeterministicRandom(seed, "load-users", users.Count);
        var take = Math.Min(count, users.Count);
        for (var i = 0; i < take; i++)
        {
            var j = random.NextInt(i, users.Count - 1);
            (users[i], users[j]) = (users[j], users[i]);
        }

        return users.GetRange(0, take);
    }
}
