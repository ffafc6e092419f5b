using EcomOrleans.Inference.Batching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EcomOrleans.Inference.Tests.Batching;

public sealed class DynamicBatcherTests
{
    private const InferencePriority Storefront = InferencePriority.Storefront;
    private const InferencePriority Bot = InferencePriority.Bot;
    private const InferencePriority Background = InferencePriority.Background;

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task SubmitAsync_ManyConcurrentCallers_EachGetsItsOwnResultInFullBatches()
    {
        var runner = new GatedRunner(holdFirstBatch: true);
        using var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 16, ConcurrentBatches = 1 });
        var first = Task.Run(() => batcher.SubmitAsync(0, Storefront));
        await runner.FirstBatchStarted;

        var tasks = new Task<int>[65];
        Parallel.For(1, 65, i => tasks[i] = batcher.SubmitAsync(i, Storefront));
        Assert.Equal(64, batcher.QueueDepth);
        runner.Release();
        tasks[0] = first;
        var results = await Task.WhenAll(tasks);

        // Every caller gets the answer to its own request, and the 64 queued behind the first batch
        // were coalesced into exactly four full batches.
        Assert.Equal(Enumerable.Range(0, 65).Select(GatedRunner.Answer), results);
        Assert.Equal([1, 16, 16, 16, 16], runner.Batches.Select(b => b.Length));
    }

    [Fact]
    public async Task SubmitAsync_ConcurrentBatchesFromManyThreads_EveryRequestRunsOnceAndAnswersItsCaller()
    {
        var runner = new GatedRunner();
        using var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 8, ConcurrentBatches = 4, QueueCapacity = 1000 });

        var tasks = new Task<int>[500];
        Parallel.For(0, tasks.Length, i => tasks[i] = batcher.SubmitAsync(i, (InferencePriority)(i % 3)));
        var results = await Task.WhenAll(tasks);

        Assert.Equal(Enumerable.Range(0, 500).Select(GatedRunner.Answer), results);
        Assert.Equal(Enumerable.Range(0, 500), runner.Batches.SelectMany(b => b).Order());
        Assert.All(runner.Batches, b => Assert.InRange(b.Length, 1, 8));
    }

    [Fact]
    public async Task SubmitAsync_QueueFullOfEqualPriority_RefusesWithOverloadError()
    {
        var runner = new GatedRunner(holdFirstBatch: true);
        using var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 4, ConcurrentBatches = 1, QueueCapacity = 2 });
        var running = Task.Run(() => batcher.SubmitAsync(0, Storefront));
        await runner.FirstBatchStarted;
        var queued = new[] { batcher.SubmitAsync(1, Storefront), batcher.SubmitAsync(2, Storefront) };

        var refused = await Assert.ThrowsAsync<InferenceOverloadedException>(() => batcher.SubmitAsync(3, Storefront));

        Assert.Equal("The inference queue of model 'test' is full (2 requests); the Storefront request was refused.", refused.Message);
        Assert.Equal(("test", Storefront), (refused.Model, refused.Priority));
        runner.Release();
        var answers = await Task.WhenAll([running, .. queued]);
        Assert.Equal([1, 11, 21], answers);
    }

    [Fact]
    public async Task SubmitAsync_QueueFull_ShedsNewestLowestPriorityFirstAndRefusesTheLowest()
    {
        var runner = new GatedRunner(holdFirstBatch: true);
        using var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 4, ConcurrentBatches = 1, QueueCapacity = 3 });
        var running = Task.Run(() => batcher.SubmitAsync(0, Storefront));
        await runner.FirstBatchStarted;
        var background1 = batcher.SubmitAsync(1, Background);
        var background2 = batcher.SubmitAsync(2, Background);
        var bot = batcher.SubmitAsync(3, Bot);

        var storefront = batcher.SubmitAsync(4, Storefront);
        var shed = await Assert.ThrowsAsync<InferenceOverloadedException>(() => background2);
        var refused = await Assert.ThrowsAsync<InferenceOverloadedException>(() => batcher.SubmitAsync(5, Background));
        var bot2 = batcher.SubmitAsync(6, Bot);
        await Assert.ThrowsAsync<InferenceOverloadedException>(() => background1);

        Assert.Equal("The inference queue of model 'test' is full (3 requests); the Background request was shed for a Storefront one.", shed.Message);
        Assert.Equal("The inference queue of model 'test' is full (3 requests); the Background request was refused.", refused.Message);
        runner.Release();
        var answers = await Task.WhenAll(running, storefront, bot, bot2);
        Assert.Equal([1, 41, 31, 61], answers);
        Assert.Equal([[0], [4, 3, 6]], runner.Batches);
    }

    [Fact]
    public async Task SubmitAsync_MixedPriorities_RunsStorefrontThenBotThenBackgroundOldestFirst()
    {
        var runner = new GatedRunner(holdFirstBatch: true);
        using var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 2, ConcurrentBatches = 1 });
        var running = Task.Run(() => batcher.SubmitAsync(0, Storefront));
        await runner.FirstBatchStarted;
        Task<int>[] queued =
        [
            batcher.SubmitAsync(1, Background), batcher.SubmitAsync(2, Bot), batcher.SubmitAsync(3, Storefront),
            batcher.SubmitAsync(4, Background), batcher.SubmitAsync(5, Storefront),
        ];

        runner.Release();
        await Task.WhenAll([running, .. queued]);

        Assert.Equal([[0], [3, 5], [2, 1], [4]], runner.Batches);
    }

    [Fact]
    public async Task SubmitAsync_BotFloodWithStorefrontArriving_EveryStorefrontRequestRunsInTheNextBatch()
    {
        // Under load: every batch that runs queues six more bot requests (more than a batch takes, so the bot queue
        // only grows) and one storefront request. Each storefront request must be in the very next batch, ahead of
        // every bot request queued before it; the bot requests still all run once the storefront stops.
        const int storefrontRequests = 20;
        var batches = new List<int[]>();
        var submitted = new List<Task<int>>();
        DynamicBatcher<int, int>? batcher = null;
        var next = 1_000;
        IReadOnlyList<int> Run(IReadOnlyList<int> batch)
        {
            lock (batches)
            {
                batches.Add([.. batch]);
                var index = batches.Count;
                if (index <= storefrontRequests)
                {
                    submitted.AddRange(Enumerable.Range(0, 6).Select(_ => batcher!.SubmitAsync(next++, Bot)));
                    submitted.Add(batcher!.SubmitAsync(index, Storefront));
                }
            }

            return [.. batch.Select(GatedRunner.Answer)];
        }

        batcher = new DynamicBatcher<int, int>("test", new BatcherOptions { MaxBatchSize = 4, ConcurrentBatches = 1, RunInlineWhenIdle = false }, Run, _time, NullLogger.Instance);
        using (batcher)
        {
            await batcher.SubmitAsync(next++, Bot);
            while (true)
            {
                Task<int>[] pending;
                lock (batches)
                {
                    pending = [.. submitted];
                }

                await Task.WhenAll(pending);
                lock (batches)
                {
                    if (submitted.Count == pending.Length)
                    {
                        break;
                    }
                }
            }
        }

        // Storefront request i was queued while batch i ran: batch i + 1 holds it, and holds it first.
        Assert.All(Enumerable.Range(1, storefrontRequests), i => Assert.Equal(i, batches[i][0]));
        Assert.Equal(1 + (6 * storefrontRequests), batches.SelectMany(b => b).Count(r => r >= 1_000));
        Assert.Equal(storefrontRequests, batches.SelectMany(b => b).Count(r => r < 1_000));
    }

    [Fact]
    public async Task SubmitAsync_BatchFails_OnlyThatBatchsCallersGetTheError()
    {
        var runner = new GatedRunner(holdFirstBatch: true, poison: 2);
        using var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 2, ConcurrentBatches = 1 });
        var running = Task.Run(() => batcher.SubmitAsync(0, Storefront));
        await runner.FirstBatchStarted;
        var tasks = Enumerable.Range(1, 4).Select(i => batcher.SubmitAsync(i, Storefront)).ToArray();

        runner.Release();

        var failed1 = await Assert.ThrowsAsync<InvalidOperationException>(() => tasks[0]);
        var failed2 = await Assert.ThrowsAsync<InvalidOperationException>(() => tasks[1]);
        Assert.Equal("poisoned batch 1,2", failed1.Message);
        Assert.Same(failed1, failed2);
        var answers = await Task.WhenAll(running, tasks[2], tasks[3]);
        Assert.Equal([1, 31, 41], answers);
    }

    [Fact]
    public async Task SubmitAsync_ZeroDelay_RunsWhatIsQueuedWithoutWaiting()
    {
        var runner = new GatedRunner(holdFirstBatch: true);
        using var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 8, MaxQueueDelayMicroseconds = 0, ConcurrentBatches = 1 });

        // The fake clock never moves: a lone request runs at once, alone, in a batch of one.
        var first = Task.Run(() => batcher.SubmitAsync(1, Storefront));
        await runner.FirstBatchStarted;
        var second = batcher.SubmitAsync(2, Storefront);
        var third = batcher.SubmitAsync(3, Storefront);
        runner.Release();

        var answers = await Task.WhenAll(first, second, third);
        Assert.Equal([11, 21, 31], answers);
        Assert.Equal([[1], [2, 3]], runner.Batches);
    }

    [Fact]
    public async Task SubmitAsync_IdleWithZeroDelay_RunsOnTheCallersThreadBeforeReturning()
    {
        var runner = new GatedRunner();
        using var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 8, ConcurrentBatches = 1, RunInlineWhenIdle = true });

        var answer = batcher.SubmitAsync(4, Bot);
        var thread = Environment.CurrentManagedThreadId;

        Assert.True(answer.IsCompletedSuccessfully);
        Assert.Equal((41, thread), (await answer, runner.LastThreadId));
    }

    [Fact]
    public async Task SubmitAsync_IdleWithInlineRunsOff_RunsOnABatcherThread()
    {
        var runner = new GatedRunner();
        using var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 8, ConcurrentBatches = 1, RunInlineWhenIdle = false });

        var answer = await batcher.SubmitAsync(4, Bot);

        Assert.Equal(41, answer);
        Assert.NotEqual(Environment.CurrentManagedThreadId, runner.LastThreadId);
    }

    [Fact]
    public async Task SubmitAsync_WithDelay_WaitsForTheOldestRequestsDelayThenRunsEverythingQueued()
    {
        var runner = new GatedRunner();
        using var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 8, MaxQueueDelayMicroseconds = 1000, ConcurrentBatches = 1 });

        var first = batcher.SubmitAsync(1, Storefront);
        _time.Advance(TimeSpan.FromMicroseconds(600));
        var second = batcher.SubmitAsync(2, Storefront);
        _time.Advance(TimeSpan.FromMicroseconds(399));
        var third = batcher.SubmitAsync(3, Storefront);
        Assert.Equal(3, batcher.QueueDepth);
        _time.Advance(TimeSpan.FromMicroseconds(1));

        // The first request waited its full 1000 us, and the two that came meanwhile joined its batch.
        var answers = await Task.WhenAll(first, second, third);
        Assert.Equal([11, 21, 31], answers);
        Assert.Equal([[1, 2, 3]], runner.Batches);
    }

    [Fact]
    public async Task SubmitAsync_WithDelayAndAFullBatch_RunsWithoutWaitingForTheDelay()
    {
        var runner = new GatedRunner();
        using var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 3, MaxQueueDelayMicroseconds = 1_000_000, ConcurrentBatches = 1 });

        var results = await Task.WhenAll(batcher.SubmitAsync(1, Storefront), batcher.SubmitAsync(2, Bot), batcher.SubmitAsync(3, Storefront));

        Assert.Equal([11, 21, 31], results);
        Assert.Equal([[1, 3, 2]], runner.Batches);
    }

    [Fact]
    public async Task Dispose_RequestsStillQueued_FailWithObjectDisposed()
    {
        var runner = new GatedRunner();
        var batcher = Create(runner, new BatcherOptions { MaxBatchSize = 8, MaxQueueDelayMicroseconds = 1_000_000, ConcurrentBatches = 1 });
        var queued = batcher.SubmitAsync(1, Storefront);

        batcher.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => batcher.SubmitAsync(2, Storefront));
        Assert.Empty(runner.Batches);
    }

    [Fact]
    public async Task SubmitAsync_ClockReachesTheDeadlineWhileTheTimerIsArmed_StillRunsTheBatch()
    {
        // The worker measures the time left (1000 us), then arms a timer for it; here the clock jumps
        // those 1000 us in between, so the timer is due at 2000 us, which this clock never reaches.
        var clock = new ClockMovingWhileArming(_time);
        var runner = new GatedRunner();
        using var batcher = new DynamicBatcher<int, int>(
            "test", new BatcherOptions { MaxBatchSize = 8, MaxQueueDelayMicroseconds = 1000, ConcurrentBatches = 1 }, runner.Run, clock, NullLogger.Instance);

        var answer = await batcher.SubmitAsync(1, Storefront).WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);

        Assert.Equal(11, answer);
        Assert.Equal(TimeSpan.FromMicroseconds(1000), clock.MovedBy);
        Assert.Equal([[1]], runner.Batches);
    }

    [Fact]
    public void New_Batcher_PublishesAQueueDepthOfZeroForEachPriority()
    {
        using var depth = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(InferenceInstruments.QueueDepth);

        using var batcher = new DynamicBatcher<int, int>("queue-depth-test", new BatcherOptions(), new GatedRunner(holdFirstBatch: false).Run, _time, NullLogger.Instance);

        var ours = depth.GetMeasurementSnapshot().Where(m => Equals(m.Tags[InferenceInstruments.ModelTag], "queue-depth-test")).ToList();
        Assert.Equal(Enum.GetValues<InferencePriority>().Length, ours.Count);
        Assert.All(ours, m => Assert.Equal(0, m.Value));
    }

    private DynamicBatcher<int, int> Create(GatedRunner runner, BatcherOptions options) =>
        new("test", options, runner.Run, _time, NullLogger.Instance);

    /// <summary>A fake clock that moves by a timer's due time just before it arms that timer, once.</summary>
    private sealed class ClockMovingWhileArming(FakeTimeProvider clock) : TimeProvider
    {
        private int _moved;

        public TimeSpan MovedBy { get; private set; }

        public override long TimestampFrequency => clock.TimestampFrequency;

        public override long GetTimestamp() => clock.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (Interlocked.Exchange(ref _moved, 1) == 0)
            {
                MovedBy = dueTime;
                clock.Advance(dueTime);
            }

            return clock.CreateTimer(callback, state, dueTime, period);
        }
    }
}
