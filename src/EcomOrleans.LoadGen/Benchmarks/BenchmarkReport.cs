namespace EcomOrleans.LoadGen.Benchmarks;

/// <summary>
/// The figures of one benchmark run: batch-1 sequential, the best concurrent unbatched cell and the best
/// batched cell (by throughput), with every cell behind them.
/// </summary>
public sealed record BenchmarkReport(
    string Model,
    string ModelName,
    string ModelVersion,
    int ProcessorCount,
    int IntraOpThreads,
    int MaxBatchSize,
    int MaxQueueDelayMicroseconds,
    int ConcurrentBatches,
    bool RunInlineWhenIdle,
    double SecondsPerCell,
    int Rounds,
    double SequentialPerSec,
    double SequentialP99Ms,
    double BestUnbatchedPerSec,
    double BestUnbatchedP99Ms,
    int BestUnbatchedConcurrency,
    double BatchedPerSec,
    double BatchedP99Ms,
    int BatchedConcurrency,
    double BatchedOverSequential,
    double BatchedOverBestUnbatched,
    bool BatchedNeverWorseThanUnbatched,
    IReadOnlyList<BenchmarkCell> Cells);
