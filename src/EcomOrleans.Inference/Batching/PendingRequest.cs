using System.Diagnostics;

namespace EcomOrleans.Inference.Batching;

/// <summary>A queued request and the caller waiting for its result.</summary>
internal sealed class PendingRequest<TRequest, TResult>(TRequest request, InferencePriority priority, long enqueuedAt, ActivityContext caller)
{
    public TRequest Request { get; } = request;

    public InferencePriority Priority { get; } = priority;

    /// <summary>The batcher's <see cref="TimeProvider"/> timestamp at arrival.</summary>
    public long EnqueuedAt { get; } = enqueuedAt;

    /// <summary>The caller's trace context at arrival (default when it was not traced), so the batch's activity joins its trace.</summary>
    public ActivityContext Caller { get; } = caller;

    // Continuations run on the thread pool, never on the batcher thread that completes them.
    public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
