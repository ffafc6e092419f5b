using System.Diagnostics.Metrics;

namespace EcomOrleans.Silo.Ingestion;

/// <summary>Metrics of event ingestion; names are what dashboards query, so keep them stable.</summary>
public static class IngestionInstruments
{
    public const string MeterName = "EcomOrleans.Ingestion";
    public const string KindTag = "kind";
    public const string ReasonTag = "reason";

    public static readonly Meter Meter = new(MeterName);

    // NOTE: declared before the instruments: static initializers run in text order.
    /// <summary>Latency buckets from 0.5 ms to 10 s, fine where the storefront's budget is (tens of ms).</summary>
    public static readonly IReadOnlyList<double> LatencyBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Valid events received, by kind (<c>ecom_ingest_events_total</c>); accepted = this less duplicates.</summary>
    public static readonly Counter<long> Events = Meter.CreateCounter<long>(
        "ecom.ingest.events", unit: "{event}", description: "Valid events received, by kind");

    /// <summary>Events whose id had been seen before (<c>ecom_ingest_duplicates_total</c>).</summary>
    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>(
        "ecom.ingest.duplicates", unit: "{event}", description: "Events received again and counted once");

    /// <summary>Batches rejected, by reason: invalid, oversized, malformed, unavailable (<c>ecom_ingest_rejected_total</c>).</summary>
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "ecom.ingest.rejected", unit: "{batch}", description: "Batches rejected, by reason");

    /// <summary>Time from a valid batch to its acknowledgement (<c>ecom_ingest_duration_seconds</c>).</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "ecom.ingest.duration",
        unit: "s",
        description: "Time to make a valid batch durable",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

    /// <summary>Counts one rejected batch under its <see cref="ReasonOf"/> tag.</summary>
    public static void RecordRejected(IngestRejection reason) =>
        Rejected.Add(1, new KeyValuePair<string, object?>(ReasonTag, ReasonOf(reason)));

    /// <summary>The <see cref="ReasonTag"/> value of a rejection; dashboards query these, so keep them stable.</summary>
    public static string ReasonOf(IngestRejection reason) => reason switch
    {
        IngestRejection.Invalid => "invalid",
        IngestRejection.Oversized => "oversized",
        IngestRejection.Malformed => "malformed",
        IngestRejection.Unavailable => "unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not an ingest rejection."),
    };
}
