using System.Globalization;
using EcomOrleans.Events;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Reporting;

namespace EcomOrleans.LoadGen.Load;

/// <summary>
/// Checks that a recommendation sees the event before it: for each user, GET recommendations, buy the top SKU (a
/// purchase of 1 with a new event id, timestamped now), and GET again at once; the bought SKU must be gone. The time
/// counted is from the purchase's 202 to the answer that no longer holds it.
/// </summary>
public sealed class FreshnessCheck(RecommendationClient recommendations, IEventSink events, TimeProvider time)
{
    public async Task<FreshnessResult> RunAsync(IReadOnlyList<string> users, CancellationToken cancellationToken)
    {
        int changed = 0, unchanged = 0, skipped = 0;
        var times = new List<TimeSpan>();
        var postLatency = new LatencyHistogram();
        foreach (var user in users)
        {
            var before = await recommendations.GetAsync(user, cancellationToken).ConfigureAwait(false);
            if (!before.Succeeded || before.Skus.Count == 0)
            {
                skipped++;
                continue;
            }

            var bought = before.Skus[0];
            ReplayEvent[] purchase = [NewPurchase(user, bought)];
            var outcome = await events.PostEventsAsync(purchase, postLatency, cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                skipped++;
                continue;
            }

            var acknowledged = time.GetTimestamp();
            var after = await recommendations.GetAsync(user, cancellationToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(acknowledged);
            if (after.Succeeded && !after.Skus.Contains(bought, StringComparer.Ordinal))
            {
                changed++;
                times.Add(elapsed);
            }
            else
            {
                unchanged++;
            }
        }

        return new FreshnessResult(changed + unchanged, changed, skipped, times);
    }

    private ReplayEvent NewPurchase(string user, string sku) => new(
        string.Create(CultureInfo.InvariantCulture, $"fresh-{Guid.NewGuid():N}"),
        user,
        user + "-fresh",
        EventKind.Purchase,
        sku,
        Quantity: 1,
        Price: null,
        time.GetUtcNow());
}
