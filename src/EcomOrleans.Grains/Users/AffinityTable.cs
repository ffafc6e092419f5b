using EcomOrleans.Grains.Common;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Users;

/// <summary>
/// Decayed category affinities (view 1, click 2, cart 3, purchase 5, halving every <see cref="HalfLife"/>), at most
/// <see cref="Capacity"/> categories: past it the weakest as of the latest event goes.
/// </summary>
public sealed class AffinityTable(List<AffinityState> affinities, int capacity, TimeSpan halfLife)
{
    public int Capacity { get; } = capacity;

    public TimeSpan HalfLife { get; } = halfLife;

    public void Add(string category, double weight, DateTimeOffset at)
    {
        if (weight <= 0)
        {
            return;
        }

        var entry = affinities.Find(a => string.Equals(a.Category, category, StringComparison.Ordinal));
        if (entry is null)
        {
            entry = new AffinityState { Category = StringPool.Intern(category), AsOf = at };
            affinities.Add(entry);
        }

        (entry.Score, entry.AsOf) = DecayedScore.Add(entry.Score, entry.AsOf, weight, at, HalfLife);
        if (affinities.Count > Capacity)
        {
            affinities.Remove(affinities.MinBy(a => DecayedScore.At(a.Score, a.AsOf, at, HalfLife))!);
        }
    }

    /// <summary>The affinities decayed to <paramref name="now"/>, strongest first.</summary>
    public List<CategoryAffinity> At(DateTimeOffset now) =>
        affinities.Select(a => new CategoryAffinity(a.Category, DecayedScore.At(a.Score, a.AsOf, now, HalfLife)))
            .OrderByDescending(a => a.Score)
            .ToList();
}
