namespace EcomOrleans.LoadGen.Benchmarks;

/// <summary>One measured mode at one offered concurrency.</summary>
/// <param name="Mode">sequential (batch-1, one caller), unbatched (callers share the session directly) or batched (through the batcher).</param>
/// <param name="PerSec">Requests answered per second.</param>
/// <param name="MeanBatch">Requests per model run (1 unless batched).</param>
public sealed record BenchmarkCell(string Mode, int Concurrency, long Requests, double PerSec, double P50Ms, double P99Ms, double MeanBatch, long Rejected);
