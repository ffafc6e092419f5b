using System.Diagnostics;

namespace EcomOrleans.LoadGen.Benchmarks;

/// <summary>The latencies and batch counts of one benchmark cell, summed over rounds.</summary>
internal sealed class CellSample
{
    private readonly List<long> _latencies = [];
    private long _runs;
    private long _requests;
    private long _rejected;

    public CellSample()
    {
    }

    public CellSample(List<long>[] perCaller, long runs, long requests, long rejected)
    {
        _latencies.AddRange(perCaller.SelectMany(l => l ?? []));
        (_runs, _requests, _rejected) = (runs, requests, rejected);
    }

    public void Add(CellSample other)
    {
        _latencies.AddRange(other._latencies);
        _runs += other._runs;
        _requests += other._requests;
        _rejected += other._rejected;
    }

    /// <summary>The cell's figures over <paramref name="seconds"/> measured seconds.</summary>
    public BenchmarkCell Cell(string mode, int concurrency, double seconds)
    {
        var all = _latencies.Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : Math.Round(all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)] * 1000.0 / Stopwatch.Frequency, 3);
        var meanBatch = _runs == 0 ? 1 : Math.Round((double)_requests / _runs, 2);
        return new BenchmarkCell(mode, concurrency, all.Length, Math.Round(all.Length / seconds, 1), Percentile(0.50), Percentile(0.99), meanBatch, _rejected);
    }
}
