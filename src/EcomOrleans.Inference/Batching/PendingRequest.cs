namespace EcomOrleans.Inference.Batching;

/// <summary>A queued request and the caller waiting for its result.</summary>
internal sealed class PendingRequest<TRequest, TResult>(TRequest request, InferencePriority priority, long enqueuedAt)
{
    public TRequest Request { get; } = request;

    public InferencePriority Priority { get; } = priority;

    /// <summary>The batcher's <see cref="TimeProvider"/> timestamp at arrival.</summary>
    public long EnqueuedAt { get; } = enqueuedAt;

    // Continuations run on the thread pool, never on the batcher thread that completes them.
    public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
