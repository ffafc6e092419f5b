namespace EcomOrleans.Inference.Tests.Batching;

/// <summary>
/// A batch runner for tests: answers request x with x * 10 + 1, records each batch, can hold its first
/// batch until released (so later requests queue up behind it), and fails any batch holding a poisoned request.
/// </summary>
internal sealed class GatedRunner(bool holdFirstBatch = false, int poison = int.MinValue)
{
    private readonly Lock _gate = new();
    private readonly List<int[]> _batches = [];
    private readonly TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first batch has been taken from the queue.</summary>
    public Task FirstBatchStarted => _firstStarted.Task;

    public IReadOnlyList<int[]> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>The managed thread that ran the latest batch.</summary>
    public int LastThreadId { get; private set; }

    public static int Answer(int request) => (request * 10) + 1;

    public void Release() => _release.TrySetResult();

    public IReadOnlyList<int> Run(IReadOnlyList<int> batch)
    {
        bool first;
        lock (_gate)
        {
            first = _batches.Count == 0;
            _batches.Add([.. batch]);
            LastThreadId = Environment.CurrentManagedThreadId;
        }

        if (first)
        {
            _firstStarted.TrySetResult();
            if (holdFirstBatch)
            {
                _release.Task.Wait();
            }
        }

        if (batch.Contains(poison))
        {
            throw new InvalidOperationException($"poisoned batch {string.Join(",", batch)}");
        }

        return [.. batch.Select(Answer)];
    }
}
