using System.Diagnostics;

namespace EcomOrleans.Inference;

/// <summary>
/// Traces of the inference pool: one <see cref="BatchActivity"/> per batched model run, a child of the first
/// request's trace and linked to the others'. Without a listener (no tracer provider) no activity is created.
/// </summary>
public static class InferenceTracing
{
    public const string SourceName = "EcomOrleans.Inference";

    /// <summary>The activity of one batched model run.</summary>
    public const string BatchActivity = "inference.batch";

    /// <summary>Tag: the model kind (sequence, intent, demand).</summary>
    public const string ModelTag = "ecom.inference.model";

    /// <summary>Tag: requests in the batch.</summary>
    public const string BatchSizeTag = "ecom.inference.batch_size";

    /// <summary>Tag: the longest time a request of the batch waited in the queue, in milliseconds.</summary>
    public const string QueueWaitTag = "ecom.inference.queue_wait_ms";

    public static readonly ActivitySource Source = new(SourceName);
}
