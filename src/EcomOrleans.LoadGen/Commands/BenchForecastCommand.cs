using System.CommandLine;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using EcomOrleans.Engine.Hosting;
using EcomOrleans.Events;
using EcomOrleans.Inference;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.Models;
using EcomOrleans.LoadGen.Reporting;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.Skus;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>
/// <c>bench-forecast</c>: how fast SKU forecasts are remade. Puts a data set's whole catalog (Beauty: 12,101 SKUs) in an
/// in-process silo, gives every SKU a daily demand history cut from the real M5 series, then remakes every SKU's forecast
/// (<c>RefreshForecastAsync</c>, as the schedule and <c>POST /api/skus/{sku}/forecast</c> do) with a bounded number in
/// flight, twice side by side: through the inference pool (the demand LSTM, batched at background priority, blended
/// with seasonal smoothing) and, as the baseline, seasonal smoothing alone (no pool). Prints one JSON object.
/// </summary>
public static class BenchForecastCommand
{
    public static Command Create(TimeProvider time)
    {
        var dataset = SharedOptions.Dataset("Data set whose catalog is forecast.");
        dataset.DefaultValueFactory = _ => "beauty";
        var dataDir = SharedOptions.DataDirectory();
        var days = SharedOptions.Ranged(
            new Option<int>("--days") { Description = "Days of demand history per SKU (56 or more reach the model; a grain keeps up to 728).", DefaultValueFactory = _ => 120 }, 14, 728);
        var concurrency = SharedOptions.Concurrency("Refreshes in flight.", 256);
        var skus = new Option<int?>("--skus") { Description = "Forecast only the first this many SKUs of the catalog (default all)." };
        skus.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--skus must be at least 1.");
            }
        });
        var seed = SharedOptions.Seed();
        var command = new Command("bench-forecast", "Forecast refreshes per second through the inference pool, and the time to refresh every SKU of a catalog, beside seasonal smoothing alone; prints one JSON object.")
        {
            dataset, dataDir, days, concurrency, skus, seed,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(dataset), parse.GetRequiredValue(dataDir), parse.GetValue(days), parse.GetValue(concurrency), parse.GetValue(skus),
            parse.GetValue(seed), time, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string dataset, string dataDir, int days, int concurrency, int? take, int seed, TimeProvider time, CancellationToken cancellationToken)
    {
        var console = CommandConsole.Create(json: true);
        try
        {
            var script = ScriptLoader.Load(dataset, dataDir, new ScriptOptions(seed, time.GetUtcNow()), time, console);
            var catalog = script.Catalog.Take(take ?? int.MaxValue).ToList();
            var m5 = Path.Combine(dataDir, "m5-sample", "m5-foods3-ca1.csv");
            var series = M5Series(m5);
            console.MarkupLineInterpolated($"[grey]{catalog.Count:N0} SKUs of {dataset}, {days} days each cut from the {series.Count} M5 series of {m5}[/]");

            var pool = await MeasureAsync("pool", catalog, series, days, concurrency, modelMinimumDays: 56, time, console, cancellationToken).ConfigureAwait(false);
            var baseline = await MeasureAsync("smoothing", catalog, series, days, concurrency, modelMinimumDays: 1000, time, console, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                dataset, skus = catalog.Count, historyDays = days, concurrency, machine = Environment.ProcessorCount + " cores", pool, baseline,
            }, new JsonSerializerOptions { WriteIndented = true }));
            return ReplayCommand.Succeeded;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or DirectoryNotFoundException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ReplayCommand.CannotRun;
        }
    }

    /// <summary>One silo, one mode: the catalog in, its histories in, a warm-up, then every SKU refreshed once, timed.</summary>
    private static async Task<ForecastRun> MeasureAsync(
        string mode, IReadOnlyList<SkuDefinition> catalog, IReadOnlyList<int[]> series, int days, int concurrency, int modelMinimumDays,
        TimeProvider time, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            // On demand only: the schedule's timers would refresh beside the measurement.
            ["Grains:Forecasts:Schedule"] = "OnDemand",
            ["Grains:Forecasts:ModelMinimumDays"] = modelMinimumDays.ToString(CultureInfo.InvariantCulture),
        };
        await using var silo = await InProcessSilo.StartAsync(EngineStorage.Memory, cancellationToken, settings).ConfigureAwait(false);
        var sink = new GrainSink(silo.Grains, time);
        var now = time.GetUtcNow();
        var loading = time.GetTimestamp();
        await ForEachAsync(catalog, concurrency, async (sku, i) =>
        {
            await sink.PutSkuAsync(sku with { Stock = 1_000_000 }, new LatencyHistogram(), cancellationToken).ConfigureAwait(false);
            await silo.Grains.Reference<ISkuGrain>(sku.Sku).ApplyEventsAsync(History(sku.Sku, series[i % series.Count], (i * 37) % Math.Max(1, series[i % series.Count].Length - days), days, now), []).ConfigureAwait(false);
        }).ConfigureAwait(false);
        console.MarkupLineInterpolated($"[grey]{mode}: catalog and histories in ({time.GetElapsedTime(loading).TotalSeconds:N1} s); warming up[/]");
        await ForEachAsync(catalog.Take(256).ToList(), concurrency, (sku, _) => silo.Grains.Reference<ISkuGrain>(sku.Sku).RefreshForecastAsync()).ConfigureAwait(false);

        using var batches = new BatchSizes(ModelKinds.Demand);
        var latency = new LatencyHistogram();
        var methods = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var done = 0;
        var started = time.GetTimestamp();
        await ForEachAsync(catalog, concurrency, async (sku, _) =>
        {
            var one = time.GetTimestamp();
            var outlook = await silo.Grains.Reference<ISkuGrain>(sku.Sku).RefreshForecastAsync().ConfigureAwait(false);
            latency.Record(time.GetElapsedTime(one));
            methods.AddOrUpdate(outlook?.Forecast?.Method ?? "none", 1, (_, n) => n + 1);
            if (Interlocked.Increment(ref done) % 2_000 == 0)
            {
                console.MarkupLineInterpolated($"[grey]{mode}: {done:N0} of {catalog.Count:N0} refreshed ({time.GetElapsedTime(started).TotalSeconds:N1} s)[/]");
            }
        }).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started).TotalSeconds;
        console.MarkupLineInterpolated($"[grey]{mode}: every SKU refreshed in {elapsed:N1} s, {catalog.Count / elapsed:N0} a second[/]");
        return new ForecastRun(
            Math.Round(elapsed, 2), Math.Round(catalog.Count / elapsed, 1), Math.Round(latency.PercentileMs(50), 2), Math.Round(latency.PercentileMs(99), 2),
            batches.Runs, batches.Runs == 0 ? 0 : Math.Round((double)batches.Requests / batches.Runs, 1), new SortedDictionary<string, int>(methods, StringComparer.Ordinal));
    }

    /// <summary>One purchase a day with sales, the units of <paramref name="units"/> from <paramref name="offset"/>, ending yesterday.</summary>
    private static SkuEvent[] History(string sku, int[] units, int offset, int days, DateTimeOffset now) =>
        [.. Enumerable.Range(0, days)
            .Select(d => (Day: d, Units: units[(offset + d) % units.Length]))
            .Where(d => d.Units > 0)
            .Select(d => new SkuEvent(StableHash.Of(sku, d.Day.ToString(CultureInfo.InvariantCulture)), EventKind.Purchase, d.Units, null, now.AddDays(d.Day - days)))];

    /// <summary>The daily unit sales of each series of an M5 sample file (columns id, ..., d, sales, date, ...), in date order.</summary>
    private static List<int[]> M5Series(string path)
    {
        var rows = File.ReadLines(path).Skip(1).Select(line => line.Split(','))
            .Select(f => (Id: f[0], Date: f[8], Sales: int.Parse(f[7], CultureInfo.InvariantCulture)));
        return [.. rows.GroupBy(r => r.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.Date, StringComparer.Ordinal).Select(r => r.Sales).ToArray())];
    }

    private static Task ForEachAsync<T>(IReadOnlyList<T> items, int concurrency, Func<T, int, Task> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await body(items[i], i).ConfigureAwait(false));

    /// <summary>Model runs and requests batched into them, from the pool's own histogram (<c>ecom.inference.batch_size</c>) for one model.</summary>
    private sealed class BatchSizes : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _runs;
        private long _requests;

        public BatchSizes(string model)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == InferenceInstruments.MeterName && instrument.Name == "ecom.inference.batch_size")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == InferenceInstruments.ModelTag && Equals(tag.Value, model))
                    {
                        Interlocked.Increment(ref _runs);
                        Interlocked.Add(ref _requests, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Runs => Interlocked.Read(ref _runs);

        public long Requests => Interlocked.Read(ref _requests);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>What one mode measured: every SKU refreshed once.</summary>
    private sealed record ForecastRun(
        double Seconds, double RefreshesPerSecond, double P50Ms, double P99Ms, long ModelRuns, double MeanBatchSize, SortedDictionary<string, int> Methods);
}
