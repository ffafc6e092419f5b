using System.Diagnostics;
using EcomOrleans.Inference;
using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Demand;
using EcomOrleans.Inference.Hosting;
using EcomOrleans.Inference.Intent;
using EcomOrleans.Inference.Models;
using EcomOrleans.Inference.Sequence;
using EcomOrleans.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcomOrleans.LoadGen.Benchmarks;

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
            InferenceModelKinds.All,
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
        var plan = new List<(string Mode, int Concurrency, Func<double, Task<CellSample>> Measure)>
        {
            ("sequential", 1, seconds => Task.FromResult(Unbatched(1, seconds, settings, i => run(model, [inputs[i % InputCount]])))),
        };
        plan.AddRange(settings.Concurrencies.Select(c => ("unbatched", c,
            (Func<double, Task<CellSample>>)(seconds => Task.FromResult(Unbatched(c, seconds, settings, i => run(model, [inputs[i % InputCount]])))))));
        plan.AddRange(settings.Concurrencies.Select(c => ("batched", c,
            (Func<double, Task<CellSample>>)(seconds => BatchedAsync(c, seconds, settings, registry, inputs, run)))));

        // Rounds interleave the cells, so a change in the machine's other load spreads over every mode
        // instead of favouring whichever ran at a quiet moment.
        var samples = plan.Select(_ => new CellSample()).ToArray();
        var perRound = settings.Seconds / settings.Rounds;
        for (var round = 0; round < settings.Rounds; round++)
        {
            for (var i = 0; i < plan.Count; i++)
            {
                samples[i].Add(await plan[i].Measure(perRound));
            }
        }

        var cells = plan.Select((p, i) => samples[i].Cell(p.Mode, p.Concurrency, settings.Seconds)).ToList();
        foreach (var cell in cells)
        {
            progress?.Invoke(cell);
        }

        var sequential = cells[0];
        var unbatched = cells.Where(c => c.Mode == "unbatched").ToList();
        var batched = cells.Where(c => c.Mode == "batched").ToList();
        var bestUnbatched = unbatched.Append(sequential).MaxBy(c => c.PerSec)!;
        var bestBatched = batched.MaxBy(c => c.PerSec)!;
        return new BenchmarkReport(
            settings.Model, model.Manifest.Name, model.Version, Environment.ProcessorCount, settings.IntraOpThreads,
            settings.Batching.MaxBatchSize, settings.Batching.MaxQueueDelayMicroseconds, settings.Batching.ConcurrentBatches, settings.Batching.RunInlineWhenIdle,
            settings.Seconds, settings.Rounds,
            sequential.PerSec, sequential.P99Ms,
            bestUnbatched.PerSec, bestUnbatched.P99Ms, bestUnbatched.Concurrency,
            bestBatched.PerSec, bestBatched.P99Ms, bestBatched.Concurrency,
            Math.Round(bestBatched.PerSec / sequential.PerSec, 3),
            Math.Round(bestBatched.PerSec / bestUnbatched.PerSec, 3),
            batched.Zip(unbatched).All(p => p.First.PerSec >= p.Second.PerSec),
            cells);
    }

    /// <summary>Each caller on its own thread runs batch-1 on the shared session, back to back.</summary>
    private static CellSample Unbatched(int concurrency, double seconds, BenchmarkSettings settings, Action<int> call)
    {
        var window = new MeasurementWindow(settings.WarmupSeconds, seconds);
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

        return new CellSample(latencies, runs: 0, requests: 0, rejected: 0);
    }

    /// <summary>Each caller awaits its request through the batcher, back to back.</summary>
    private static async Task<CellSample> BatchedAsync<TModel, TInput, TOutput>(
        int concurrency, double seconds, BenchmarkSettings settings, ModelRegistry registry, TInput[] inputs, Func<TModel, IReadOnlyList<TInput>, TOutput[]> run)
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

        var window = new MeasurementWindow(settings.WarmupSeconds, seconds);
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
        return new CellSample(latencies, runs, requests, rejected);
    }

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
}
