using EcomOrleans.Events;

namespace EcomOrleans.Grains.Users;

/// <summary>Exponentially decayed category affinity: each event adds its weight, which halves every half-life.</summary>
public static class AffinityDecay
{
    /// <summary>How much an action says about interest in the item's category.</summary>
    public static double WeightOf(EventKind kind) => kind switch
    {
        EventKind.View => 1.0,
        EventKind.Click => 2.0,
        EventKind.AddToCart => 3.0,
        EventKind.Purchase => 5.0,
        _ => 0.0,
    };

    /// <summary>The factor a score shrinks by over <paramref name="elapsed"/>.</summary>
    public static double Factor(TimeSpan elapsed, TimeSpan halfLife) =>
        elapsed <= TimeSpan.Zero ? 1.0 : Math.Pow(0.5, elapsed / halfLife);

    /// <summary>Adds an event's weight at time <paramref name="at"/> to an affinity entry.</summary>
    public static void Add(AffinityState entry, double weight, DateTimeOffset at, TimeSpan halfLife)
    {
        if (at >= entry.AsOf)
        {
            entry.Score = entry.Score * Factor(at - entry.AsOf, halfLife) + weight;
            entry.AsOf = at;
        }
        else
        {
            // A late event: its weight has already decayed by the time the entry is stated at.
            entry.Score += weight * Factor(entry.AsOf - at, halfLife);
        }
    }

    /// <summary>The entry's score as seen at <paramref name="now"/>.</summary>
    public static double ScoreAt(AffinityState entry, DateTimeOffset now, TimeSpan halfLife) =>
        entry.Score * Factor(now - entry.AsOf, halfLife);
}
