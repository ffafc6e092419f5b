using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Models;
using EcomOrleans.LoadGen.Benchmarks;
using EcomOrleans.Models;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>
/// <c>bench-batcher</c>: measures one model in this process, no engine needed: batch-1 sequential,
/// concurrent unbatched callers on the shared session, and callers through the dynamic batcher, at
/// each offered concurrency. Prints a table, or one JSON object with <c>--json</c>.
/// </summary>
public static class BenchBatcherCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model to measure: sequence, intent or demand.", DefaultValueFactory = _ => ModelKinds.Sequence };
        model.AcceptOnlyFromAmong([.. ModelKinds.All]);
        var models = new Option<string?>("--models") { Description = "Models folder (default: the 'models' folder above the tool)." };
        var concurrency = new Option<int[]>("--concurrency")
        {
            Description = "Offered concurrencies (callers with one request outstanding each).",
            DefaultValueFactory = _ => [1, 8, 32, 128],
            AllowMultipleArgumentsPerToken = true,
        };
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds per cell, split over the rounds.", DefaultValueFactory = _ => 4 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds interleaving the cells (drifting machine load then hits every mode alike).", DefaultValueFactory = _ => 4 };
        var warmup = new Option<double>("--warmup") { Description = "Warm-up seconds before each measurement, not measured.", DefaultValueFactory = _ => 0.2 };
        var intraOp = new Option<int>("--intra-op-threads") { Description = "ONNX Runtime threads per run, in every mode.", DefaultValueFactory = _ => 1 };
        var maxBatch = new Option<int>("--max-batch") { Description = "Batcher: most requests per run.", DefaultValueFactory = _ => 32 };
        var delay = new Option<int>("--delay-us") { Description = "Batcher: max queue delay in microseconds (0 = never wait).", DefaultValueFactory = _ => 0 };
        var batches = new Option<int>("--concurrent-batches") { Description = "Batcher: batches running at once.", DefaultValueFactory = _ => 2 };
        var inline = new Option<bool>("--run-inline") { Description = "Batcher: an idle model runs a lone request on its caller's thread.", DefaultValueFactory = _ => true };
        var minLength = new Option<int>("--min-length") { Description = "Sequence model: shortest history; lengths are uniform up to 50.", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout; progress goes to stderr." };
        var command = new Command("bench-batcher", "Benchmark the dynamic batcher against batch-1 sequential and concurrent unbatched runs of one model.")
        {
            model, models, concurrency, seconds, rounds, warmup, intraOp, maxBatch, delay, batches, inline, minLength, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var console = asJson ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : AnsiConsole.Console;
            var path = parse.GetValue(models) ?? ModelRegistry.FindModelsFolder(AppContext.BaseDirectory) ?? "models";
            var settings = new BenchmarkSettings(
                Path.GetFullPath(path), parse.GetRequiredValue(model), parse.GetRequiredValue(concurrency), parse.GetValue(seconds), parse.GetValue(warmup),
                parse.GetValue(intraOp),
                new BatcherOptions { MaxBatchSize = parse.GetValue(maxBatch), MaxQueueDelayMicroseconds = parse.GetValue(delay), ConcurrentBatches = parse.GetValue(batches), RunInlineWhenIdle = parse.GetValue(inline) },
                parse.GetValue(minLength), Math.Max(1, parse.GetValue(rounds)));
            try
            {
                var report = await BatcherBenchmark.RunAsync(settings, cell => console.MarkupLineInterpolated(
                    $"[grey]{cell.Mode} x{cell.Concurrency}: {cell.PerSec:F0}/s, p99 {cell.P99Ms:F2} ms, mean batch {cell.MeanBatch}[/]"));
                if (asJson)
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
                }
                else
                {
                    Write(console, report);
                }

                return 0;
            }
            catch (Exception e) when (e is ModelLoadException or ArgumentException)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return 2;
            }
        });
        return command;
    }

    private static void Write(IAnsiConsole console, BenchmarkReport report)
    {
        var table = new Table().AddColumns("mode", "callers", "req/s", "p50 ms", "p99 ms", "mean batch", "rejected");
        foreach (var cell in report.Cells)
        {
            table.AddRow(cell.Mode, $"{cell.Concurrency}", F(cell.PerSec, "F0"), F(cell.P50Ms, "F2"), F(cell.P99Ms, "F2"), F(cell.MeanBatch, "F2"), $"{cell.Rejected}");
        }

        console.MarkupLineInterpolated($"{report.ModelName} v{report.ModelVersion} ({report.Model}) on {report.ProcessorCount} cores, {report.IntraOpThreads} intra-op thread(s); batcher: max batch {report.MaxBatchSize}, delay {report.MaxQueueDelayMicroseconds} us, {report.ConcurrentBatches} concurrent batches, inline when idle {report.RunInlineWhenIdle}; {report.SecondsPerCell} s per cell in {report.Rounds} rounds");
        console.Write(table);
        console.MarkupLineInterpolated(
            $"sequential {report.SequentialPerSec:F0}/s; best unbatched {report.BestUnbatchedPerSec:F0}/s (x{report.BestUnbatchedConcurrency}, p99 {report.BestUnbatchedP99Ms:F2} ms); batched {report.BatchedPerSec:F0}/s (x{report.BatchedConcurrency}, p99 {report.BatchedP99Ms:F2} ms): {report.BatchedOverSequential:F2}x sequential, {report.BatchedOverBestUnbatched:F2}x best unbatched");
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
