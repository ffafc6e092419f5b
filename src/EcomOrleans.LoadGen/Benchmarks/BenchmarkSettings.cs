using EcomOrleans.Inference.Batching;

namespace EcomOrleans.LoadGen.Benchmarks;

/// <summary>What <see cref="BatcherBenchmark"/> measures and with which settings.</summary>
/// <param name="ModelsPath">The models folder (one sub-folder per model).</param>
/// <param name="Model">The model kind: sequence (default), intent or demand.</param>
/// <param name="Concurrencies">Offered concurrency: callers, each with one request outstanding.</param>
/// <param name="Seconds">Measured seconds per cell in all, split over <paramref name="Rounds"/>; each measurement has <paramref name="WarmupSeconds"/> before it.</param>
/// <param name="IntraOpThreads">ONNX Runtime threads per run, the same for every mode.</param>
/// <param name="Batching">The batcher's settings in the batched mode.</param>
/// <param name="Rounds">Rounds that interleave the cells, so drifting machine load spreads over every mode.</param>
/// <param name="MinSequenceLength">Sequence model: histories are MinSequenceLength to 50 items long, uniformly (default 50: full windows).</param>
public sealed record BenchmarkSettings(
    string ModelsPath,
    string Model,
    IReadOnlyList<int> Concurrencies,
    double Seconds,
    double WarmupSeconds,
    int IntraOpThreads,
    BatcherOptions Batching,
    int MinSequenceLength = 50,
    int Rounds = 4,
    int Seed = 42);
