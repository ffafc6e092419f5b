using System.CommandLine;
using System.Globalization;
using EcomOrleans.Client;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Load;
using EcomOrleans.LoadGen.Reporting;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>
/// <c>load</c>: end-to-end recommendation load over HTTP for users of a replayed data set, one step per offered rate
/// (open loop; 0 = closed-loop saturation), then a freshness check: a purchase must leave the next recommendation.
/// </summary>
public static class LoadCommand
{
    public static Command Create(TimeProvider time)
    {
        var url = SharedOptions.Url();
        var apiKey = SharedOptions.ApiKey();
        var dataset = SharedOptions.Dataset("Data set whose users to ask for (replay it first).");
        var dataDir = SharedOptions.DataDirectory();
        var users = SharedOptions.Ranged(
            new Option<int>("--users") { Description = "Distinct users, sampled from the data set's users with events.", DefaultValueFactory = _ => 2000 }, 1, 10_000_000);
        var rates = new Option<double[]>("--rates")
        {
            Description = "Offered requests/s, comma-separated, one step each; 0 = closed loop with --concurrency workers.",
            DefaultValueFactory = _ => [.. LoadOptions.DefaultRates],
            CustomParser = ParseRates,
        };
        var seconds = SharedOptions.Ranged(
            new Option<double>("--seconds") { Description = "Seconds each step offers load.", DefaultValueFactory = _ => 15 }, 0.1, 3600);
        var count = SharedOptions.Ranged(
            new Option<int>("--count") { Description = "Items per recommendation (1-100).", DefaultValueFactory = _ => 10 }, 1, 100);
        var concurrency = SharedOptions.Concurrency("Connections to the engine; workers of the closed-loop step.", 64);
        var seed = SharedOptions.Seed();
        var freshness = SharedOptions.Ranged(
            new Option<int>("--freshness-users") { Description = "Users the freshness check buys for.", DefaultValueFactory = _ => 5 }, 0, 1000);
        var timeout = SharedOptions.Timeout();
        var json = SharedOptions.Json();
        var intentRate = SharedOptions.Ranged(
            new Option<double>("--intent-rate") { Description = "Bot messages/s (POST /api/users/{id}/intent) offered beside every step, open loop; 0 = none.", DefaultValueFactory = _ => 0 }, 0, 100_000);
        var messages = new Option<string>("--messages") { Description = "The bot's messages: a CSV whose first column is the text.", DefaultValueFactory = _ => LoadOptions.DefaultMessagesFile };

        var warmup = SharedOptions.Ranged(
            new Option<double>("--warmup") { Description = "Seconds of load at the first step's rate before it, not counted (the generator's own start-up).", DefaultValueFactory = _ => 0 }, 0, 3600);
        var samples = new Option<string?>("--samples") { Description = "Write every request (step, offered/s, index, due and latency in ms, status) to this CSV file." };

        var command = new Command("load", "Measure recommendation latency and throughput over HTTP at fixed offered rates, then check freshness after a purchase.")
        {
            url, apiKey, dataset, dataDir, users, rates, seconds, count, concurrency, seed, freshness, timeout, json, intentRate, messages, samples, warmup,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new LoadOptions(
                parse.GetRequiredValue(url),
                parse.GetValue(apiKey),
                parse.GetRequiredValue(dataset),
                parse.GetRequiredValue(dataDir),
                parse.GetValue(users),
                parse.GetRequiredValue(rates),
                TimeSpan.FromSeconds(parse.GetValue(seconds)),
                parse.GetValue(count),
                parse.GetValue(concurrency),
                parse.GetValue(seed),
                parse.GetValue(freshness),
                TimeSpan.FromSeconds(parse.GetValue(timeout)),
                parse.GetValue(json),
                parse.GetValue(intentRate),
                parse.GetRequiredValue(messages),
                parse.GetValue(samples),
                TimeSpan.FromSeconds(parse.GetValue(warmup)));
            return RunAsync(options, time, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(LoadOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var console = CommandConsole.Create(options.Json);
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            console.MarkupLine($"[red]The freshness check posts an event: pass --api-key or set {ReplayOptions.ApiKeyVariable} to the silo's Security__ApiKey.[/]");
            return ReplayCommand.CannotRun;
        }

        try
        {
            var users = PickUsers(options, time, console);
            var messages = options.IntentRate > 0 ? IntentClient.ReadMessages(options.MessagesFile) : [];
            // Recommendations without retries (each failure is counted); the freshness check's purchases with them.
            using var reads = EcomOrleansClient.Create(
                EngineHttp.Options(options.EngineUrl, options.ApiKey, options.RequestTimeout, retries: 0), EngineHttp.CreateTransport(options.Concurrency), time);
            using var writes = new EngineClient(
                EngineHttp.Options(options.EngineUrl, options.ApiKey, options.RequestTimeout), EngineHttp.CreateTransport(maxConnections: 4), time);
            using var bot = new HttpClient(EngineHttp.CreateTransport(options.Concurrency)) { BaseAddress = options.EngineUrl, Timeout = options.RequestTimeout };
            bot.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
            var report = await LoadRun.ExecuteAsync(
                new RecommendationClient(reads, options.Count),
                messages.Count > 0 ? (new IntentClient(bot), messages) : null,
                writes,
                options.EngineUrl,
                users,
                options,
                time,
                console,
                cancellationToken).ConfigureAwait(false);
            if (options.Json)
            {
                await Console.Out.WriteLineAsync(LoadReportWriter.ToJson(report)).ConfigureAwait(false);
            }
            else
            {
                LoadReportWriter.WriteTable(console, report);
            }

            return report.Errors == 0 && report.Freshness.Unchanged == 0 ? ReplayCommand.Succeeded : ReplayCommand.RequestsFailed;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ApiKeyRejectedException or EngineUnreachableException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ReplayCommand.CannotRun;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Interrupted.[/]");
            return ReplayCommand.Interrupted;
        }
    }

    /// <summary>
    /// The users to ask for, from the whole replay script. In a method of its own so that the script (hundreds of MB
    /// for a large data set) is garbage once it returns: a local of the async method would live in its state machine for
    /// the whole run, and every collection of the generator, which pauses the latencies it measures, would carry it.
    /// </summary>
    private static IReadOnlyList<string> PickUsers(LoadOptions options, TimeProvider time, IAnsiConsole console)
    {
        var script = ScriptLoader.Load(options.Dataset, options.DataDirectory, new ScriptOptions(options.Seed, time.GetUtcNow()), time, console);
        return UserSample.Pick(script.Events, options.Users, options.Seed);
    }

    private static double[] ParseRates(System.CommandLine.Parsing.ArgumentResult result)
    {
        var rates = new List<double>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate < 0 || !double.IsFinite(rate))
            {
                result.AddError($"--rates takes requests/s of 0 or more, comma-separated; '{part}' is not one.");
                return [];
            }

            rates.Add(rate);
        }

        if (rates.Count == 0)
        {
            result.AddError("--rates needs at least one rate.");
        }

        return [.. rates];
    }
}
