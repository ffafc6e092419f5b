using System.CommandLine;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using StackExchange.Redis;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>
/// <c>ceiling</c>: replays a data set straight into the grains of a silo hosted in this process, through the same
/// lanes and batches as <c>replay</c> but without HTTP, so its events/s is the ceiling the HTTP replay is compared with.
/// </summary>
public static class CeilingCommand
{
    public static Command Create(TimeProvider time)
    {
        var dataset = SharedOptions.Dataset("Data set to replay.");
        var dataDir = SharedOptions.DataDirectory();
        var batchSize = SharedOptions.BatchSize();
        var concurrency = SharedOptions.Concurrency("Parallel batches.", 8);
        var limit = SharedOptions.Limit();
        var seed = SharedOptions.Seed();
        var spanDays = SharedOptions.SpanDays();
        var redis = new Option<string?>("--redis") { Description = "Redis connection string for grain state (default: in memory, not durable)." };
        var json = SharedOptions.Json();
        var recommendations = SharedOptions.Ranged(
            new Option<int>("--recommendations") { Description = "After the replay, ask this many replayed users for 10 recommendations each and count the grain calls.", DefaultValueFactory = _ => 0 },
            0, 1_000_000);
        var allocationTypes = new Option<bool>("--allocation-types")
        {
            Description = "With --recommendations: also list the types their bytes went to (sampled from the runtime's allocation events).",
        };
        var overlapSearchIndex = new Option<bool>("--overlap-search-index")
        {
            Description = "Start the events while the catalog's search index still embeds the titles in the background (default: embed them all first and time that apart).",
        };

        var command = new Command("ceiling", "Replay a data set straight into the grains of an in-process silo: the rate the HTTP replay is compared with.")
        {
            dataset, dataDir, batchSize, concurrency, limit, seed, spanDays, redis, json, recommendations, overlapSearchIndex, allocationTypes,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new CeilingOptions(
                parse.GetRequiredValue(dataset),
                parse.GetRequiredValue(dataDir),
                new ReplaySettings(parse.GetValue(batchSize), parse.GetValue(concurrency)),
                parse.GetValue(limit),
                parse.GetValue(seed),
                TimeSpan.FromDays(parse.GetValue(spanDays)),
                parse.GetValue(redis),
                parse.GetValue(json),
                parse.GetValue(recommendations),
                parse.GetValue(overlapSearchIndex),
                parse.GetValue(allocationTypes));
            return RunAsync(options, time, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(CeilingOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var console = CommandConsole.Create(options.Json);
        try
        {
            var script = ScriptLoader.Load(
                options.Dataset,
                options.DataDirectory,
                new ScriptOptions(options.Seed, time.GetUtcNow(), options.Limit) { SyntheticSpan = options.SyntheticSpan },
                time,
                console);
            var started = time.GetTimestamp();
            await using var silo = await InProcessSilo.StartAsync(options.Redis, cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated(
                $"[grey]silo started in {time.GetElapsedTime(started).TotalSeconds:N1} s, grain state {(options.Redis is null ? "in memory" : "in Redis")}[/]");
            var sink = new GrainSink(silo.Grains, time);
            var callsBeforeEvents = 0L;
            var report = await ReplayRun.ExecuteAsync(
                script, sink, sink, options.Settings, skipCatalog: false, time, console, cancellationToken,
                afterCatalog: async () =>
                {
                    if (!options.OverlapSearchIndex)
                    {
                        await EmbedSearchIndexAsync(silo, time, console).ConfigureAwait(false);
                    }

                    callsBeforeEvents = silo.GrainCalls.Calls;
                }).ConfigureAwait(false);
            var eventCalls = silo.GrainCalls.Calls - callsBeforeEvents;
            console.MarkupLineInterpolated(
                $"[grey]grain calls: {eventCalls:N0} for {script.Events.Length:N0} events, {(double)eventCalls / Math.Max(1, script.Events.Length):N2} per event (background embedding refreshes included)[/]");
            if (options.Recommendations > 0)
            {
                await RecommendationCalls.MeasureAsync(silo, script, options.Recommendations, options.Seed, options.AllocationTypes, time, console, cancellationToken).ConfigureAwait(false);
            }

            await ReportWriter.WriteAsync(console, report, options.Json, "ceiling").ConfigureAwait(false);

            return report.Errors == 0 ? ReplayCommand.Succeeded : ReplayCommand.RequestsFailed;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or RedisConnectionException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ReplayCommand.CannotRun;
        }
        catch (OptionsValidationException e)
        {
            // The in-process silo validates the engine's options (Grains:*, Inference:*) at start-up, as the engine does.
            console.MarkupLineInterpolated($"[red]error: invalid configuration: {string.Join(" ", e.Failures)}[/]");
            return ReplayCommand.CannotRun;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Interrupted.[/]");
            return ReplayCommand.Interrupted;
        }
    }

    /// <summary>
    /// Embeds what the catalog's search index still has pending, so that the events are not measured against a
    /// silo's one-off start-up work (the sentence encoder over every title).
    /// </summary>
    private static async Task EmbedSearchIndexAsync(InProcessSilo silo, TimeProvider time, IAnsiConsole console)
    {
        var index = silo.Services.GetRequiredService<CatalogTextIndex>();
        var started = time.GetTimestamp();
        var pending = index.Pending;
        await index.EmbedPendingAsync().ConfigureAwait(false);
        console.MarkupLineInterpolated(
            $"[grey]search index: {pending:N0} titles embedded in {time.GetElapsedTime(started).TotalSeconds:N1} s before the events ({index.Embedded:N0} embedded, {index.Pending:N0} left)[/]");
    }
}
