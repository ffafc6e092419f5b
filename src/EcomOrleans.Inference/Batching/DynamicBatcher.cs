using System.Diagnostics;
using EcomOrleans.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Batching;

/// <summary>
/// Coalesces many callers' requests into batched runs of one model. Requests wait in a bounded queue
/// per priority; <see cref="BatcherOptions.ConcurrentBatches"/> threads each take up to
/// <see cref="BatcherOptions.MaxBatchSize"/> requests, highest priority and oldest first, once the
/// batch is full or the oldest request has waited <see cref="BatcherOptions.MaxQueueDelayMicroseconds"/>.
/// A full queue sheds the newest request of the lowest queued priority below the arriving one, or
/// refuses the arriving one, with <see cref="InferenceOverloadedException"/>.
/// </summary>
public sealed partial class DynamicBatcher<TRequest, TResult> : IDisposable
{
    private static readonly int PriorityCount = Enum.GetValues<InferencePriority>().Length;

    private readonly Lock _gate = new();
    private readonly LinkedList<PendingRequest<TRequest, TResult>>[] _queues;
    private readonly string _model;
    private readonly BatcherOptions _options;
    private readonly BatchRunner<TRequest, TResult> _run;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _maxDelay;
    private readonly Thread[] _threads;
    private readonly KeyValuePair<string, object?> _modelTag;
    private TaskCompletionSource _changed = NewSignal();
    private int _count;
    private int _running;
    private bool _stopped;

    public DynamicBatcher(string model, BatcherOptions options, BatchRunner<TRequest, TResult> run, TimeProvider time, ILogger logger)
    {
        var validation = new KeyedOptionsValidator<BatcherOptions>(model, new BatcherOptionsValidator()).Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        _model = model;
        _options = options;
        _run = run;
        _time = time;
        _logger = logger;
        _maxDelay = TimeSpan.FromMicroseconds(options.MaxQueueDelayMicroseconds);
        _modelTag = new(InferenceInstruments.ModelTag, model);
        _queues = [.. Enumerable.Range(0, PriorityCount).Select(_ => new LinkedList<PendingRequest<TRequest, TResult>>())];

        // An up-down counter has no series until it moves: start each priority's at 0, so a dashboard sees an idle
        // queue as 0 from the first scrape, not as no data.
        foreach (var priority in Enum.GetValues<InferencePriority>())
        {
            InferenceInstruments.QueueDepth.Add(0, _modelTag, PriorityTag(priority));
        }

        // Dedicated threads: a model run blocks its thread for milliseconds, which must not starve the
        // thread pool that Orleans and ASP.NET Core schedule on.
        _threads = [.. Enumerable.Range(0, options.ConcurrentBatches).Select(i => new Thread(Work)
        {
            IsBackground = true,
            Name = $"batcher-{model}-{i}",
        })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Requests waiting for a batch.</summary>
    public int QueueDepth
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="request"/> and completes with its result, with the batch's exception if its
    /// batch fails, or with <see cref="InferenceOverloadedException"/> if the queue is full.
    /// </summary>
    public Task<TResult> SubmitAsync(TRequest request, InferencePriority priority)
    {
        var pending = new PendingRequest<TRequest, TResult>(request, priority, _time.GetTimestamp(), Activity.Current?.Context ?? default);
        PendingRequest<TRequest, TResult>? shed = null;
        var inline = false;
        lock (_gate)
        {
            if (_stopped)
            {
                return Task.FromException<TResult>(new ObjectDisposedException(GetType().Name, $"The batcher of model '{_model}' stopped."));
            }

            if (_options.RunInlineWhenIdle && _maxDelay == TimeSpan.Zero && _count == 0 && _running == 0)
            {
                _running++;
                inline = true;
            }
            else if (_count >= _options.QueueCapacity)
            {
                shed = TakeLowestBelow(priority);
                if (shed is null)
                {
                    Reject(priority, "full");
                    return Task.FromException<TResult>(new InferenceOverloadedException(_model, priority,
                        $"The inference queue of model '{_model}' is full ({_options.QueueCapacity} requests); the {priority} request was refused."));
                }
            }

            if (!inline)
            {
                _queues[(int)priority].AddLast(pending);
                _count++;
                if (_count == 1 || _count == _options.MaxBatchSize)
                {
                    Pulse();
                }
            }
        }

        if (inline)
        {
            return RunInline(pending);
        }

        InferenceInstruments.QueueDepth.Add(1, _modelTag, PriorityTag(priority));
        if (shed is not null)
        {
            Reject(shed.Priority, "shed");
            shed.Completion.TrySetException(new InferenceOverloadedException(_model, shed.Priority,
                $"The inference queue of model '{_model}' is full ({_options.QueueCapacity} requests); the {shed.Priority} request was shed for a {priority} one."));
        }

        return pending.Completion.Task;
    }

    /// <summary>Stops the batcher threads after their current batch; requests still queued fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        List<PendingRequest<TRequest, TResult>> abandoned;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            abandoned = [.. _queues.SelectMany(q => q)];
            foreach (var queue in _queues)
            {
                queue.Clear();
            }

            _count = 0;
            Pulse();
        }

        foreach (var pending in abandoned)
        {
            InferenceInstruments.QueueDepth.Add(-1, _modelTag, PriorityTag(pending.Priority));
            pending.Completion.TrySetException(new ObjectDisposedException(GetType().Name, $"The batcher of model '{_model}' stopped."));
        }

        foreach (var thread in _threads.Where(t => t != Thread.CurrentThread))
        {
            thread.Join();
        }
    }

    /// <summary>An idle batcher runs a lone request on its caller's thread: no thread hop, batch-1 latency.</summary>
    private Task<TResult> RunInline(PendingRequest<TRequest, TResult> pending)
    {
        Execute([pending]);
        lock (_gate)
        {
            _running--;
            if (_count > 0)
            {
                Pulse();
            }
        }

        return pending.Completion.Task;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static KeyValuePair<string, object?> PriorityTag(InferencePriority priority) =>
        new(InferenceInstruments.PriorityTag, InferenceInstruments.TagOf(priority));

    private void Work()
    {
        var batch = new List<PendingRequest<TRequest, TResult>>(_options.MaxBatchSize);
        while (true)
        {
            Task signal;
            TimeSpan wait;
            var oldest = 0L;
            lock (_gate)
            {
                if (_stopped)
                {
                    return;
                }

                signal = _changed.Task;
                wait = Timeout.InfiniteTimeSpan;
                if (_count > 0 && _running < _options.ConcurrentBatches)
                {
                    oldest = OldestTimestamp();
                    var waited = _time.GetElapsedTime(oldest);
                    if (_count >= _options.MaxBatchSize || waited >= _maxDelay)
                    {
                        Take(batch);
                        _running++;
                    }
                    else
                    {
                        wait = _maxDelay - waited;
                    }
                }
            }

            if (batch.Count == 0)
            {
                WaitFor(signal, wait, oldest);
                continue;
            }

            Execute(batch);
            batch.Clear();
            lock (_gate)
            {
                _running--;
                if (_count > 0)
                {
                    Pulse();
                }
            }
        }
    }

    /// <summary>
    /// Waits for a change or for <paramref name="wait"/>, the time left until the request enqueued at
    /// <paramref name="oldest"/> has waited its full delay. The clock is read again once the timer is
    /// armed: a clock that moved between the two (a fake clock advanced by a test in one step, or a
    /// thread descheduled in between) would otherwise arm the timer past the deadline, and with a
    /// clock that only moves when told to, wait for ever.
    /// </summary>
    private void WaitFor(Task signal, TimeSpan wait, long oldest)
    {
        if (wait == Timeout.InfiniteTimeSpan)
        {
            signal.Wait();
            return;
        }

        using var cancel = new CancellationTokenSource();
        var delay = Task.Delay(wait, _time, cancel.Token);
        if (_time.GetElapsedTime(oldest) < _maxDelay)
        {
            Task.WaitAny(signal, delay);
        }

        cancel.Cancel();
    }

    private void Execute(List<PendingRequest<TRequest, TResult>> batch)
    {
        var started = _time.GetTimestamp();
        var requests = new TRequest[batch.Count];
        var longestWait = 0.0;
        for (var i = 0; i < batch.Count; i++)
        {
            requests[i] = batch[i].Request;
            var wait = _time.GetElapsedTime(batch[i].EnqueuedAt, started).TotalMilliseconds;
            longestWait = Math.Max(longestWait, wait);
            InferenceInstruments.QueueWait.Record(wait, _modelTag, PriorityTag(batch[i].Priority));
        }

        using var activity = StartBatchActivity(batch, longestWait);
        try
        {
            var results = _run(requests);
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"The runner of model '{_model}' returned {results.Count} results for {batch.Count} requests.");
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            LogBatchFailed(_logger, exception, _model, batch.Count);
            InferenceInstruments.Failed.Add(batch.Count, _modelTag);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }
        }
        finally
        {
            InferenceInstruments.BatchSize.Record(batch.Count, _modelTag);
            InferenceInstruments.RunTime.Record(_time.GetElapsedTime(started).TotalMilliseconds, _modelTag);
        }
    }

    /// <summary>One activity per batched run, in the first traced caller's trace and linked to the other callers' traces.</summary>
    private Activity? StartBatchActivity(List<PendingRequest<TRequest, TResult>> batch, double longestWaitMilliseconds)
    {
        if (!InferenceTracing.Source.HasListeners())
        {
            return null;
        }

        var parent = batch.Find(p => p.Caller != default)?.Caller ?? default;
        var links = batch.Where(p => p.Caller != default && p.Caller != parent).Select(p => new ActivityLink(p.Caller)).ToList();
        var activity = InferenceTracing.Source.StartActivity(InferenceTracing.BatchActivity, ActivityKind.Internal, parent, links: links);
        activity?.SetTag(InferenceTracing.ModelTag, _model);
        activity?.SetTag(InferenceTracing.BatchSizeTag, batch.Count);
        activity?.SetTag(InferenceTracing.QueueWaitTag, longestWaitMilliseconds);
        return activity;
    }

    /// <summary>Moves up to MaxBatchSize requests, highest priority and oldest first, into <paramref name="batch"/>. Holds the lock.</summary>
    private void Take(List<PendingRequest<TRequest, TResult>> batch)
    {
        foreach (var queue in _queues)
        {
            while (batch.Count < _options.MaxBatchSize && queue.First is { } first)
            {
                queue.RemoveFirst();
                batch.Add(first.Value);
            }
        }

        _count -= batch.Count;
        if (_count > 0)
        {
            Pulse();
        }

        foreach (var pending in batch)
        {
            InferenceInstruments.QueueDepth.Add(-1, _modelTag, PriorityTag(pending.Priority));
        }
    }

    /// <summary>Removes the newest request of the lowest queued priority below <paramref name="priority"/>, if any. Holds the lock.</summary>
    private PendingRequest<TRequest, TResult>? TakeLowestBelow(InferencePriority priority)
    {
        for (var p = PriorityCount - 1; p > (int)priority; p--)
        {
            if (_queues[p].Last is { } last)
            {
                _queues[p].RemoveLast();
                _count--;
                InferenceInstruments.QueueDepth.Add(-1, _modelTag, PriorityTag(last.Value.Priority));
                return last.Value;
            }
        }

        return null;
    }

    private long OldestTimestamp()
    {
        var oldest = long.MaxValue;
        foreach (var queue in _queues)
        {
            if (queue.First is { } first && first.Value.EnqueuedAt < oldest)
            {
                oldest = first.Value.EnqueuedAt;
            }
        }

        return oldest;
    }

    /// <summary>Wakes every waiting thread to look at the queue again. Holds the lock.</summary>
    private void Pulse()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private void Reject(InferencePriority priority, string reason) =>
        InferenceInstruments.Rejected.Add(1, _modelTag, PriorityTag(priority), new(InferenceInstruments.ReasonTag, reason));
}
