using System.Diagnostics.Metrics;

namespace EcomOrleans.Inference;

/// <summary>Metrics of the inference pool; names are what dashboards query, so keep them stable.</summary>
public static class InferenceInstruments
{
    public const string MeterName = "EcomOrleans.Inference";

    /// <summary>Tag: the model kind (sequence, intent, demand).</summary>
    public const string ModelTag = "model";

    /// <summary>Tag: the caller's <see cref="InferencePriority"/> (storefront, bot, background).</summary>
    public const string PriorityTag = "priority";

    /// <summary>Tag on rejections: <c>full</c> (refused on arrival) or <c>shed</c> (queued, then dropped for a higher priority).</summary>
    public const string ReasonTag = "reason";

    /// <summary>Tag on query-cache lookups: <c>hit</c> or <c>miss</c>.</summary>
    public const string ResultTag = "result";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Requests per ONNX Runtime call (<c>ecom_inference_batch_size</c>).</summary>
    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "ecom.inference.batch_size", unit: "{request}", description: "Requests coalesced into one model run");

    /// <summary>Time from a request's arrival to the start of its batch, in milliseconds.</summary>
    public static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>(
        "ecom.inference.queue_wait", unit: "ms", description: "Time a request waited in the batcher's queue");

    /// <summary>Time of one batch: input preparation, the model run and the result split, in milliseconds.</summary>
    public static readonly Histogram<double> RunTime = Meter.CreateHistogram<double>(
        "ecom.inference.run_time", unit: "ms", description: "Time of one batched model run");

    /// <summary>Requests refused or shed because the queue was full.</summary>
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "ecom.inference.rejected", unit: "{request}", description: "Requests rejected because the model's queue was full");

    /// <summary>Requests whose batch failed.</summary>
    public static readonly Counter<long> Failed = Meter.CreateCounter<long>(
        "ecom.inference.failed", unit: "{request}", description: "Requests whose batch failed");

    /// <summary>Requests waiting for a batch.</summary>
    public static readonly UpDownCounter<long> QueueDepth = Meter.CreateUpDownCounter<long>(
        "ecom.inference.queue_depth", unit: "{request}", description: "Requests waiting in the batcher's queue");

    /// <summary>Search queries' embeddings looked up in the silo's query cache (<c>ecom_inference_query_cache_lookups_total</c>).</summary>
    public static readonly Counter<long> QueryCacheLookups = Meter.CreateCounter<long>(
        "ecom.inference.query_cache.lookups", unit: "{lookup}", description: "Search-query embeddings looked up in the cache, by result");

    /// <summary>The tag value of a priority: its name in lower case.</summary>
    public static string TagOf(InferencePriority priority) => priority switch
    {
        InferencePriority.Storefront => "storefront",
        InferencePriority.Bot => "bot",
        _ => "background",
    };
}
