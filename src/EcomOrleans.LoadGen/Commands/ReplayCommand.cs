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
        var dataset = new Option<string>("--dataset") { Description = "Data set to replay.", Required = true };
        dataset.AcceptOnlyFromAmong([.. DatasetRegistry.Names]);
        var dataDir = new Option<string>("--data-dir")
        {
            Description = $"Shared data folder (env {ReplayOptions.DataDirectoryVariable}).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ReplayOptions.DataDirectoryVariable) ?? ReplayOptions.DefaultDataDirectory,
        };
        var url = new Option<Uri>("--url")
        {
            Description = "Engine base address.",
            DefaultValueFactory = _ => new Uri(ReplayOptions.DefaultEngineUrl),
            CustomParser = result =>
            {
                var text = result.Tokens[^1].Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--url must be an absolute http(s) address, not '{text}'.");
                return null;
            },
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = $"X-Api-Key for writes (env {ReplayOptions.ApiKeyVariable}).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ReplayOptions.ApiKeyVariable),
        };
        var rate = new Option<double>("--rate") { Description = "Target events/s; 0 sends as fast as possible.", DefaultValueFactory = _ => 0 };
        var batchSize = new Option<int>("--batch-size") { Description = "Events per POST (1-500).", DefaultValueFactory = _ => 100 };
        var concurrency = new Option<int>("--concurrency") { Description = "Parallel requests.", DefaultValueFactory = _ => 8 };
        var limit = new Option<int?>("--limit") { Description = "Replay only the first N events in time order (default all)." };
        var seed = new Option<int>("--seed") { Description = "Fixes prices, stock, synthetic timelines and event ids.", DefaultValueFactory = _ => 42 };
        var spanDays = new Option<double>("--span-days") { Description = "Days a synthetic timeline spans, ending now.", DefaultValueFactory = _ => 28 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one HTTP attempt may take.", DefaultValueFactory = _ => 30 };
        var skipCatalog = new Option<bool>("--skip-catalog") { Description = "Do not PUT the catalog (it is already there)." };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object on stdout; progress goes to stderr." };

        AddRange(rate, 0, double.MaxValue);
        AddRange(batchSize, 1, EventBatch.MaxEvents);
        AddRange(concurrency, 1, 1024);
        AddRange(spanDays, 1.0 / 24, 3650);
        AddRange(timeout, 0.1, 3600);
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--limit must be at least 1.");
            }
        });

        var command = new Command("replay", "Replay a real data set through the engine's HTTP API and measure throughput and latency.")
        {
            dataset, dataDir, url, apiKey, rate, batchSize, concurrency, limit, seed, spanDays, timeout, skipCatalog, json,
        };
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
                parse.GetValue(json));
            return RunAsync(options, time, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(ReplayOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        // With --json, stdout carries only the report; people still see progress on stderr.
        var console = options.Json
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
            : AnsiConsole.Console;
        try
        {
            var script = LoadScript(options, time, console);
            using var http = EngineHttp.CreateClient(options.EngineUrl, options.ApiKey, options.Settings.Concurrency, options.RequestTimeout);
            var client = new EngineClient(http, new RetryOptions(), time);
            var report = await ReplayRun.ExecuteAsync(script, client, options, time, console, cancellationToken).ConfigureAwait(false);
            if (options.Json)
            {
                await Console.Out.WriteLineAsync(ReportWriter.ToJson(report)).ConfigureAwait(false);
            }
            else
            {
                ReportWriter.WriteTable(console, report);
            }

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

    private static ReplayScript LoadScript(ReplayOptions options, TimeProvider time, IAnsiConsole console)
    {
        var dataset = DatasetRegistry.Get(options.Dataset);
        var started = time.GetTimestamp();
        var script = dataset.Load(
            options.DataDirectory,
            new ScriptOptions(options.Seed, time.GetUtcNow(), options.Limit) { SyntheticSpan = options.SyntheticSpan });
        var events = script.Events;
        var span = events.Length == 0 ? "" : $", {events[0].Timestamp:u} to {events[^1].Timestamp:u}";
        console.MarkupLineInterpolated(
            $"[grey]{script.Dataset}: {events.Length:N0} events, {script.Catalog.Count:N0} SKUs{span} (loaded in {time.GetElapsedTime(started).TotalSeconds:N1} s)[/]");
        return script;
    }

    private static void AddRange<T>(Option<T> option, T min, T max)
        where T : IComparable<T> =>
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
            {
                result.AddError($"{option.Name} must be between {min} and {max}.");
            }
        });
}
