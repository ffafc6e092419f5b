namespace EcomOrleans.Grains.Storage;

/// <summary>
/// Group commit for a reentrant grain: callers that change state while a write is in flight share
/// the next write instead of each paying for their own, and every caller still returns only once a
/// write that includes its change has completed.
/// </summary>
/// <remarks>
/// NOTE: not thread-safe by design; it relies on the grain's single-threaded scheduler, so it must
/// only be used from grain code.
/// </remarks>
public sealed class StateWriteCoalescer(Func<Task> write)
{
    private TaskCompletionSource? _queued;
    private Task _latest = Task.CompletedTask;
    private bool _writing;

    /// <summary>Requests a write that covers every change made so far; completes when it is durable.</summary>
    public Task FlushAsync()
    {
        if (_queued is { } queued)
        {
            return queued.Task;
        }

        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queued = next;
        _latest = next.Task;
        if (!_writing)
        {
            _ = PumpAsync();
        }

        return next.Task;
    }

    /// <summary>True when no write is in flight or queued.</summary>
    public bool IsIdle => _queued is null && !_writing;

    /// <summary>Completes when the most recently requested write has completed (at once if none).</summary>
    public Task WhenDurableAsync() => _latest;

    private async Task PumpAsync()
    {
        _writing = true;
        try
        {
            while (_queued is { } batch)
            {
                _queued = null;
                try
                {
                    await write();
                    batch.SetResult();
                }
                catch (Exception ex)
                {
                    batch.SetException(ex);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
