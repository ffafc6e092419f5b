using EcomOrleans.Events;

namespace EcomOrleans.Grains.Common;

/// <summary>
/// An exponentially decayed score: each event adds its weight, which halves every half-life. Used for
/// users' category affinities (days) and SKUs' trending demand (hours).
/// </summary>
public static class DecayedScore
{
    /// <summary>How much an action says about interest: view 1, click 2, add to cart 3, purchase 5, else 0.</summary>
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

    /// <summary>Adds <paramref name="weight"/> at time <paramref name="at"/> to a score stated as of <paramref name="asOf"/>.</summary>
    public static (double Score, DateTimeOffset AsOf) Add(double score, DateTimeOffset asOf, double weight, DateTimeOffset at, TimeSpan halfLife) =>
        at >= asOf
            ? (score * Factor(at - asOf, halfLife) + weight, at)
            // A late event: its weight has already decayed by the time the score is stated at.
            : (score + weight * Factor(asOf - at, halfLife), asOf);

    /// <summary>The score as seen at <paramref name="now"/>.</summary>
    public static double At(double score, DateTimeOffset asOf, DateTimeOffset now, TimeSpan halfLife) =>
        score * Factor(now - asOf, halfLife);
}
