using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Inference.Batching;

/// <summary>How a <see cref="DynamicBatcher{TRequest, TResult}"/> coalesces one model's requests.</summary>
public sealed class BatcherOptions
{
    /// <summary>Most requests in one model run. Default 32.</summary>
    [Range(1, 4_096, ErrorMessage = OptionsMessages.Between)]
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>
    /// Longest time, in microseconds, the oldest queued request waits for others to join its batch.
    /// Default 0: batch only what is already queued and never wait, so an idle model answers at
    /// batch-1 latency and batches form only while earlier batches run.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxQueueDelayMicroseconds { get; set; }

    /// <summary>
    /// Batches of this model that run at the same time, each on its own thread. Default 2: on a
    /// CPU with one intra-op thread per run, one batch per core.
    /// </summary>
    [Range(1, 64, ErrorMessage = OptionsMessages.Between)]
    public int ConcurrentBatches { get; set; } = 2;

    /// <summary>
    /// With no delay, whether a request that finds the model idle (nothing queued, no batch running) runs
    /// at once on its caller's thread, as a batch of one, instead of waking a batcher thread. Default true:
    /// an idle model answers at batch-1 latency (on 2 busy cores the thread hop cost p99 0.2 ms -> 2 ms at one
    /// caller, docs/inference.md); under load requests queue behind the running batch and batch as usual.
    /// </summary>
    public bool RunInlineWhenIdle { get; set; } = true;

    /// <summary>Requests that may wait; beyond this the lowest priority is shed or refused. Default 1024.</summary>
    [Range(1, 1_000_000, ErrorMessage = OptionsMessages.Between)]
    public int QueueCapacity { get; set; } = 1024;
}
