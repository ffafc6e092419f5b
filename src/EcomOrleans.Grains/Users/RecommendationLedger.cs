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

        issued.Add(new IssuedRecommendation
        {
            Id = recommendation.RecommendationId,
            Skus = [.. recommendation.Items.Select(i => StringPool.Intern(i.Sku))],
            IssuedAt = at,
        });
        if (issued.Count > Capacity)
        {
            issued.RemoveRange(0, issued.Count - Capacity);
        }
    }

    /// <summary>The clicks and purchases among <paramref name="events"/> that came from a served recommendation of their SKU.</summary>
    public IEnumerable<BehaviorEvent> Attributed(IEnumerable<BehaviorEvent> events) =>
        events.Where(e => e.RecommendationId is not null && e.Kind is EventKind.Click or EventKind.Purchase
            && issued.Find(r => string.Equals(r.Id, e.RecommendationId, StringComparison.Ordinal)) is { } served
            && served.Skus.Contains(e.Sku!, StringComparer.Ordinal));
}
