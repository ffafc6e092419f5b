using System.Diagnostics.Metrics;
using EcomOrleans.Recommendations;

namespace EcomOrleans.Grains.Recommendations;

/// <summary>Metrics of recommendations; names are what dashboards query, so keep them stable.</summary>
public static class RecommendationInstruments
{
    public const string MeterName = "EcomOrleans.Recommendations";
    public const string SourceTag = "source";
    public const string ReasonTag = "reason";
    public const string KindTag = "kind";

    public static readonly Meter Meter = new(MeterName);

    // NOTE: declared before the instruments: static initializers run in text order.
    private static readonly IReadOnlyList<double> LatencyBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5];

    /// <summary>Requests served, by source: personalized (the model answered some) or fallback (<c>ecom_recommendations_requests_total</c>).</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "ecom.recommendations.requests", unit: "{request}", description: "Recommendation requests, by personalized or fallback");

    /// <summary>Items served, by reason code (<c>ecom_recommendations_items_total</c>).</summary>
    public static readonly Counter<long> Items = Meter.CreateCounter<long>(
        "ecom.recommendations.items", unit: "{item}", description: "Recommended items served, by reason");

    /// <summary>Clicks and purchases of recommended items carrying their recommendation id (<c>ecom_recommendations_attributed_total</c>).</summary>
    public static readonly Counter<long> Attributed = Meter.CreateCounter<long>(
        "ecom.recommendations.attributed", unit: "{event}", description: "Clicks and purchases attributed to a recommendation, by kind");

    /// <summary>Time to build a recommendation inside the user grain (<c>ecom_recommendations_duration_seconds</c>).</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "ecom.recommendations.duration",
        unit: "s",
        description: "Time to build a recommendation",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

    /// <summary>
    /// Counts <paramref name="items"/> into <see cref="Items"/> by reason, one add per run of one reason (the chain
    /// lists each reason's items together), without the dictionary a grouping would allocate per request.
    /// </summary>
    public static void CountItems(IReadOnlyList<RecommendedItem> items)
    {
        var run = 0;
        for (var i = 0; i < items.Count; i++)
        {
            run++;
            if (i + 1 == items.Count || !string.Equals(items[i + 1].Reason, items[i].Reason, StringComparison.Ordinal))
            {
                Items.Add(run, new KeyValuePair<string, object?>(ReasonTag, items[i].Reason));
                run = 0;
            }
        }
    }
}
