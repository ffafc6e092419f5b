using System.Diagnostics;
using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Demand;
using EcomOrleans.Inference.Intent;
using EcomOrleans.Inference.Models;
using EcomOrleans.Inference.Sequence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Benchmarks;

/// <summary>
/// Measures one model three ways in one process, on one shared session: batch-1 sequential (one caller),
/// concurrent unbatched (each caller runs the shared session itself, on its own thread) and batched
/// (callers await the <see cref="DynamicBatcher{TRequest, TResult}"/>). Callers are closed-loop: each
/// has one request outstanding, so offered concurrency is the number of callers.
/// </summary>
public static class BatcherBenchmark
{
    private const int InputCount = 512;

    public static async Task<BenchmarkReport> RunAsync(BenchmarkSettings settings, Action<BenchmarkCell>? progress = null)
    {
        var registry = new ModelRegistry(
            Options.Create(new InferenceOptions { ModelsPath = settings.ModelsPath, IntraOpThreads = settings.IntraOpThreads }),
            NullLogger<ModelRegistry>.Instance);
        using (registry)
        {
            var folder = Path.Combine(settings.ModelsPath, settings.Model);
            if (!File.Exists(Path.Combine(folder, ModelManifest.FileName)))
            {
                throw new ModelLoadException($"No {settings.Model} model at '{folder}' (needs manifest.json and model.onnx); pass --models with a folder that has one.");
            }

            var model = await registry.SwapAsync(folder);
            var random = new Random(settings.Seed);
            return settings.Model switch
            {
                ModelKinds.Sequence => await MeasureAsync(settings, registry, model, progress,
                    SequenceInputs((SequenceModel)model, random, settings.MinSequenceLength), (SequenceModel m, IReadOnlyList<IReadOnlyList<string>> b) => SequenceEncoder.Encode(m, b)),
                ModelKinds.Intent => await MeasureAsync(settings, registry, model, progress,
                    IntentInputs(random), (IntentModel m, IReadOnlyList<string> b) => IntentClassifier.Classify(m, b)),
                ModelKinds.Demand => await MeasureAsync(settings, registry, model, progress,
                    DemandInputs(random), (DemandModel m, IReadOnlyList<DemandHistory> b) => DemandForecaster.Forecast(m, b)),
                _ => throw new ArgumentException($"Unknown model '{settings.Model}'; use {string.Join(", ", ModelKinds.All)}.", nameof(settings)),
            };
        }
    }

    private static async Task<BenchmarkReport> MeasureAsync<TModel, TInput, TOutput>(
        BenchmarkSettings settings, ModelRegistry registry, LoadedModel loaded, Action<BenchmarkCell>? progress,
        TInput[] inputs, Func<TModel, IReadOnlyList<TInput>, TOutput[]> run)
        where TModel : LoadedModel
    {
        var model = (TModel)loaded;
        var cells = new List<BenchmarkCell>();
        void Add(BenchmarkCell cell)
        {
            cells.Add(cell);
            progress?.Invoke(cell);
        }

        Add(Unbatched("sequential", 1, settings, i => run(model, [inputs[i % InputCount]])));
        foreach (var concurrency in settings.Concurrencies)
        {
            Add(Unbatched("unbatched", concurrency, settings, i => run(model, [inputs[i % InputCount]])));
        }

        foreach (var concurrency in settings.Concurrencies)
        {
            Add(await BatchedAsync(concurrency, settings, registry, inputs, run));
        }

        var sequential = cells[0];
        var unbatched = cells.Where(c => c.Mode == "unbatched").ToList();
        var batched = cells.Where(c => c.Mode == "batched").ToList();
        var bestUnbatched = unbatched.Append(sequential).MaxBy(c => c.PerSec)!;
        var bestBatched = batched.MaxBy(c => c.PerSec)!;
        return new BenchmarkReport(
            settings.Model, model.Manifest.Name, model.Version, Environment.ProcessorCount, settings.IntraOpThreads,
            settings.Batching.MaxBatchSize, settings.Batching.MaxQueueDelayMicroseconds, settings.Batching.ConcurrentBatches, settings.Seconds,
            Round(sequential.PerSec), sequential.P99Ms,
            Round(bestUnbatched.PerSec), bestUnbatched.P99Ms, bestUnbatched.Concurrency,
            Round(bestBatched.PerSec), bestBatched.P99Ms, bestBatched.Concurrency,
            Math.Round(bestBatched.PerSec / sequential.PerSec, 3),
            Math.Round(bestBatched.PerSec / bestUnbatched.PerSec, 3),
            batched.Zip(unbatched).All(p => p.First.PerSec >= p.Second.PerSec),
            cells);
    }

    /// <summary>Each caller on its own thread runs batch-1 on the shared session, back to back.</summary>
    private static BenchmarkCell Unbatched(string mode, int concurrency, BenchmarkSettings settings, Action<int> call)
    {
        var window = new Window(settings);
        var latencies = new List<long>[concurrency];
        var threads = Enumerable.Range(0, concurrency).Select(caller => new Thread(() =>
        {
            var mine = latencies[caller] = new List<long>(4096);
            for (var i = caller * 7; !window.Over; i++)
            {
                var start = Stopwatch.GetTimestamp();
                call(i);
                window.Record(mine, start);
            }
        })
        { IsBackground = true }).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return window.Cell(mode, concurrency, latencies, meanBatch: 1, rejected: 0);
    }

    /// <summary>Each caller awaits its request through the batcher, back to back.</summary>
    private static async Task<BenchmarkCell> BatchedAsync<TModel, TInput, TOutput>(
        int concurrency, BenchmarkSettings settings, ModelRegistry registry, TInput[] inputs, Func<TModel, IReadOnlyList<TInput>, TOutput[]> run)
        where TModel : LoadedModel
    {
        long runs = 0;
        long requests = 0;
        long rejected = 0;
        using var batcher = new DynamicBatcher<TInput, TOutput>(settings.Model, settings.Batching, batch =>
        {
            Interlocked.Increment(ref runs);
            Interlocked.Add(ref requests, batch.Count);
            using var lease = registry.Acquire<TModel>(settings.Model);
            return run(lease.Model, batch);
        }, TimeProvider.System, NullLogger.Instance);

        var window = new Window(settings);
        var latencies = new List<long>[concurrency];
        var callers = Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller] = new List<long>(4096);
            for (var i = caller * 7; !window.Over; i++)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await batcher.SubmitAsync(inputs[i % InputCount], InferencePriority.Storefront);
                    window.Record(mine, start);
                }
                catch (InferenceOverloadedException)
                {
                    Interlocked.Increment(ref rejected);
                }
            }
        })).ToArray();
        await Task.WhenAll(callers);
        return window.Cell("batched", concurrency, latencies, Math.Round((double)requests / Math.Max(1, runs), 2), rejected);
    }

    /// <summary>Histories of MinSequenceLength to MaxLength known SKUs (default: full windows, as an active shopper's user grain holds).</summary>
    private static IReadOnlyList<string>[] SequenceInputs(SequenceModel model, Random random, int minLength) =>
        [.. Enumerable.Range(0, InputCount).Select(_ => (IReadOnlyList<string>)[.. Enumerable.Range(0, random.Next(Math.Min(minLength, model.MaxLength), model.MaxLength + 1))
            .Select(_ => model.Skus[random.Next(1, model.ItemCount + 1)])])];

    private static string[] IntentInputs(Random random)
    {
        string[] openings = ["hi,", "hello", "", "please", "excuse me,", "good morning"];
        string[] asks =
        [
            "where is my order", "I want a refund for the broken blender", "how do I change my shipping address",
            "cancel my last purchase", "can I talk to a human agent", "what payment methods do you accept",
            "my invoice shows the wrong amount", "I forgot my password and cannot log in", "how long does delivery take to Spain",
            "I want to leave a review about the product I got yesterday", "subscribe me to the newsletter",
        ];
        return [.. Enumerable.Range(0, InputCount).Select(_ => $"{openings[random.Next(openings.Length)]} {asks[random.Next(asks.Length)]}".Trim())];
    }

    private static DemandHistory[] DemandInputs(Random random) =>
        [.. Enumerable.Range(0, InputCount).Select(i => new DemandHistory(
            $"sku-{i}", new DateOnly(2016, 1, 1).AddDays(random.Next(300)),
            [.. Enumerable.Range(0, 90).Select(_ => (float)random.Next(0, 30))],
            [.. Enumerable.Range(0, 90).Select(_ => 2f + random.Next(0, 3))]))];

    private static double Round(double value) => Math.Round(value, 1);

    /// <summary>The warm-up and measured windows of one cell, and the latencies completed inside the measured one.</summary>
    private sealed class Window(BenchmarkSettings settings)
    {
        private readonly long _measureFrom = Stopwatch.GetTimestamp() + (long)(settings.WarmupSeconds * Stopwatch.Frequency);
        private readonly long _measureTo = Stopwatch.GetTimestamp() + (long)((settings.WarmupSeconds + settings.Seconds) * Stopwatch.Frequency);

        public bool Over => Stopwatch.GetTimestamp() >= _measureTo;

        public void Record(List<long> latencies, long start)
        {
            var end = Stopwatch.GetTimestamp();
            if (end >= _measureFrom && end < _measureTo)
            {
                latencies.Add(end - start);
            }
        }

        public BenchmarkCell Cell(string mode, int concurrency, List<long>[] perCaller, double meanBatch, long rejected)
        {
            var all = perCaller.SelectMany(l => l ?? []).Order().ToArray();
            double Percentile(double p) => all.Length == 0 ? 0 : Math.Round(all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)] * 1000.0 / Stopwatch.Frequency, 3);
            return new BenchmarkCell(mode, concurrency, all.Length, Round(all.Length / settings.Seconds), Percentile(0.50), Percentile(0.99), meanBatch, rejected);
        }
    }
}
