using EcomOrleans.Grains.Common;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Users;

/// <summary>
/// Decayed category affinities (view 1, click 2, cart 3, purchase 5, halving every <see cref="HalfLife"/>), at most
/// <see cref="Capacity"/> categories: past it the weakest as of the latest event goes.
/// </summary>
public sealed class AffinityTable
{
    private readonly List<AffinityState> affinities;

    public AffinityTable(List<AffinityState> affinities, int capacity, TimeSpan halfLife)
    {
        this.affinities = affinities;
        Capacity = capacity;
        HalfLife = halfLife;
        BoundedList.TrimToBound(affinities, capacity);
    }

    public int Capacity { get; }

    public TimeSpan HalfLife { get; }

    public void Add(string category, double weight, DateTimeOffset at)
    {
        if (weight <= 0)
        {
            return;
        }

        var index = affinities.FindIndex(a => string.Equals(a.Category, category, StringComparison.Ordinal));
        if (index >= 0)
        {
            var entry = affinities[index];
            (entry.Score, entry.AsOf) = DecayedScore.Add(entry.Score, entry.AsOf, weight, at, HalfLife);
            affinities[index] = entry;
            return;
        }

        var added = new AffinityState { Category = StringPool.Intern(category), AsOf = at };
        (added.Score, added.AsOf) = DecayedScore.Add(added.Score, added.AsOf, weight, at, HalfLife);
        if (affinities.Count >= Capacity)
        {
            // Full: the weakest as of this event goes, the new category itself when it is weaker than all kept
            // (on a tie the one kept longer goes, as it always has).
            var weakest = 0;
            for (var i = 1; i < affinities.Count; i++)
            {
                if (ScoreAt(affinities[i], at) < ScoreAt(affinities[weakest], at))
                {
                    weakest = i;
                }
            }

            if (ScoreAt(added, at) < ScoreAt(affinities[weakest], at))
            {
                return;
            }

            affinities.RemoveAt(weakest);
        }

        BoundedList.EnsureRoomForOne(affinities, Capacity);
        affinities.Add(added);
    }

    /// <summary>The affinities decayed to <paramref name="now"/>, strongest first.</summary>
    public List<CategoryAffinity> At(DateTimeOffset now) =>
        affinities.Select(a => new CategoryAffinity(a.Category, ScoreAt(a, now)))
            .OrderByDescending(a => a.Score)
            .ToList();

    private double ScoreAt(AffinityState a, DateTimeOffset now) => DecayedScore.At(a.Score, a.AsOf, now, HalfLife);
}
