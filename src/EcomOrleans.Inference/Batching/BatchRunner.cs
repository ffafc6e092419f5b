namespace EcomOrleans.Inference.Batching;

/// <summary>
/// Runs one batch synchronously on a batcher thread and returns one result per request, in order.
/// Throwing fails every request of this batch and no other.
/// </summary>
public delegate IReadOnlyList<TResult> BatchRunner<TRequest, TResult>(IReadOnlyList<TRequest> batch);
