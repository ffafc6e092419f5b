using EcomOrleans.Events;
using EcomOrleans.Grains.Common;
using EcomOrleans.Recommendations;

namespace EcomOrleans.Grains.Users;

/// <summary>
/// The recommendations last served to a user (at most <see cref="Capacity"/>), so that a click or purchase carrying
/// a served recommendation id is attributed to it.
/// </summary>
public sealed class RecommendationLedger(List<IssuedRecommendation> issued, int capacity)
{
    public int Capacity { get; } = capacity;

    public void Remember(Recommendation recommendation, DateTimeOffset at)
    {
        if (Capacity == 0)
        {
            return;
        }

        // Full: the oldest entry is overwritten and moved to the end, its SKU list refilled in place. Every
        // recommendation used to leave a new entry, list and array (about 190 bytes besides the id) in a user's state,
        // which has long been in the oldest generation; under a storefront's load that was a steady stream of
        // promotions and of garbage in gen2, which is what brings on full collections.
        IssuedRecommendation entry;
        if (issued.Count >= Capacity)
        {
            // The oldest kept at this capacity (more were kept when state was written with a larger one).
            entry = issued[issued.Count - Capacity];
            issued.RemoveRange(0, issued.Count - Capacity + 1);
            entry.Skus.Clear();
        }
        else
        {
            entry = new IssuedRecommendation { Skus = new List<string>(recommendation.Items.Count) };
        }

        entry.Id = recommendation.RecommendationId;
        entry.IssuedAt = at;
        foreach (var item in recommendation.Items)
        {
            entry.Skus.Add(StringPool.Intern(item.Sku));
        }

        issued.Add(entry);
    }

    /// <summary>The clicks and purchases among <paramref name="events"/> that came from a served recommendation of their SKU.</summary>
    public IEnumerable<BehaviorEvent> Attributed(IEnumerable<BehaviorEvent> events) =>
        events.Where(e => e.RecommendationId is not null && e.Kind is EventKind.Click or EventKind.Purchase
            && issued.Find(r => string.Equals(r.Id, e.RecommendationId, StringComparison.Ordinal)) is { } served
            && served.Skus.Contains(e.Sku!, StringComparer.Ordinal));
}
