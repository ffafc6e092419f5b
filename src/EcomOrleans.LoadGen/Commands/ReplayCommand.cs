using System.CommandLine;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Reporting;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>
/// <c>replay</c>: loads a real data set, PUTs its catalog, posts its events in time order through the HTTP API,
/// and reports events/s and request latency percentiles.
/// </summary>
public static class ReplayCommand
{
    /// <summary>Exit code when every request succeeded.</summary>
    public const int Succeeded = 0;

    /// <summary>Exit code when some requests failed after their retries.</summary>
    public const int RequestsFailed = 1;

    /// <summary>Exit code when the run could not start or was stopped: missing data, rejected API key, no engine.</summary>
    public const int CannotRun = 2;

    /// <summary>Exit code when the user interrupted the run (Ctrl+C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;

    public static Command Create(TimeProvider time)
    {
        var dataset = SharedOptions.Dataset("Data set to replay.");
        var dataDir = SharedOptions.DataDirectory();
        var url = SharedOptions.Url();
        var apiKey = SharedOptions.ApiKey();
        var rate = SharedOptions.Ranged(
            new Option<double>("--rate") { Description = "Target events/s; 0 sends as fast as possible.", DefaultValueFactory = _ => 0 }, 0, double.MaxValue);
        var batchSize = SharedOptions.BatchSize();
        var concurrency = SharedOptions.Concurrency("Parallel requests.", 8);
        var limit = SharedOptions.Limit();
        var seed = SharedOptions.Seed();
        var spanDays = SharedOptions.SpanDays();
        var timeout = SharedOptions.Timeout();
        var skipCatalog = new Option<bool>("--skip-catalog") { Description = "Do not PUT the catalog (it is already there)." };
        var catalogOnly = new Option<bool>("--catalog-only")
        {
            Description = "PUT the catalog and send no events (then, once the engine has indexed it, replay with --skip-catalog).",
        };
        var json = SharedOptions.Json();
        var live = new Option<bool>("--live")
        {
            Description = "Stamp each event with the time it is sent, as a live storefront would, instead of the data set's timeline compressed into the run.",
        };

        var shoppers = new Option<int?>("--shoppers") { Description = "Replay only the first this many shoppers (by first appearance)." };
        shoppers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--shoppers must be at least 1.");
            }
        });
        var repeat = new Option<bool>("--repeat")
        {
            Description = "Send the shoppers' events again, each pass with new event and session ids, until --limit events (a soak that fills every window).",
        };
        var command = new Command("replay", "Replay a real data set through the engine's HTTP API and measure throughput and latency.")
        {
            dataset, dataDir, url, apiKey, rate, batchSize, concurrency, limit, seed, spanDays, timeout, skipCatalog, catalogOnly, json, live, shoppers, repeat,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(repeat) && result.GetValue(limit) is null)
            {
                result.AddError("--repeat needs --limit: the number of events to send.");
            }

            if (result.GetValue(catalogOnly) && result.GetValue(skipCatalog))
            {
                result.AddError("--catalog-only and --skip-catalog together would send nothing.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new ReplayOptions(
                parse.GetRequiredValue(dataset),
                parse.GetRequiredValue(dataDir),
                parse.GetRequiredValue(url),
                parse.GetValue(apiKey),
                new ReplaySettings(parse.GetValue(batchSize), parse.GetValue(concurrency), parse.GetValue(rate)),
                parse.GetValue(limit),
                parse.GetValue(seed),
                TimeSpan.FromDays(parse.GetValue(spanDays)),
                TimeSpan.FromSeconds(parse.GetValue(timeout)),
                parse.GetValue(skipCatalog),
                parse.GetValue(json),
                parse.GetValue(live),
                parse.GetValue(shoppers),
                parse.GetValue(repeat),
                parse.GetValue(catalogOnly));
            return RunAsync(options, time, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(ReplayOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        // With --json, stdout carries only the report; people still see progress on stderr.
        var console = CommandConsole.Create(options.Json);
        try
        {
            var script = ScriptLoader.Load(
                options.Dataset,
                options.DataDirectory,
                new ScriptOptions(options.Seed, time.GetUtcNow(), options.Shoppers is null && !options.Repeat ? options.Limit : null) { SyntheticSpan = options.SyntheticSpan },
                time,
                console);
            if (options.Shoppers is not null || options.Repeat)
            {
                script = ShopperSelection.Select(script, options.Shoppers, options.Repeat, options.Limit);
                console.MarkupLineInterpolated($"[grey]selected: {script.Events.Length:N0} events of {script.Events.Select(e => e.UserId).Distinct().Count():N0} shoppers, {script.Catalog.Count:N0} SKUs[/]");
            }
            if (options.CatalogOnly)
            {
                script = script with { Events = [] };
            }

            using var client = new EngineClient(
                EngineHttp.Options(options.EngineUrl, options.ApiKey, options.RequestTimeout), EngineHttp.CreateTransport(options.Settings.Concurrency), time)
            {
                StampOnSend = options.Live,
            };
            var report = await ReplayRun.ExecuteAsync(script, client, client, options.Settings, options.SkipCatalog, time, console, cancellationToken).ConfigureAwait(false);
            await ReportWriter.WriteAsync(console, report, options.Json, "replay").ConfigureAwait(false);

            return report.Errors == 0 ? Succeeded : RequestsFailed;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ApiKeyRejectedException or EngineUnreachableException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return CannotRun;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Interrupted.[/]");
            return Interrupted;
        }
    }
}
