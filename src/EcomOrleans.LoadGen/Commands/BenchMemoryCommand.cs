using System.CommandLine;
using System.Text.Json;
using EcomOrleans.Engine.Hosting;
using EcomOrleans.Engine.Storage;
using EcomOrleans.Grains.Storage;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Memory;
using static EcomOrleans.LoadGen.Memory.MemoryReportJson;
using EcomOrleans.LoadGen.Replay;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>
/// <c>bench-memory</c>: managed heap per activation and stored bytes per grain, for shoppers as a data set's replay
/// leaves them, for that data set's SKUs, and for shoppers with full default windows; prints one JSON object.
/// </summary>
public static class BenchMemoryCommand
{
    public static Command Create(TimeProvider time)
    {
        var dataset = SharedOptions.Dataset("Data set whose catalog and shoppers are replayed.");
        dataset.DefaultValueFactory = _ => "beauty";
        var dataDir = SharedOptions.DataDirectory();
        var users = SharedOptions.Ranged(
            new Option<int>("--users") { Description = "Shoppers with full default windows (1,000 events each).", DefaultValueFactory = _ => 2_000 }, 1, 1_000_000);
        var limit = SharedOptions.Limit();
        var seed = SharedOptions.Seed();
        var command = new Command("bench-memory", "Heap per activation and stored bytes per grain: replayed shoppers, SKUs and full shoppers; prints one JSON object.")
        {
            dataset, dataDir, users, limit, seed,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(dataset), parse.GetRequiredValue(dataDir), parse.GetValue(users), parse.GetValue(limit), parse.GetValue(seed), time, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string dataset, string dataDir, int users, int? limit, int seed, TimeProvider time, CancellationToken cancellationToken)
    {
        var console = CommandConsole.Create(json: true);
        try
        {
            var script = ScriptLoader.Load(dataset, dataDir, new ScriptOptions(seed, time.GetUtcNow(), limit), time, console);
            await using var silo = await InProcessSilo.StartAsync(EngineStorage.Memory, cancellationToken).ConfigureAwait(false);
            var storage = (SerializingMemoryGrainStorage)silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
            var report = await new MemoryBenchmark(silo, storage, time, console)
                .RunAsync(script, users, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(JsonSerializer.Serialize(report, Options));
            return ReplayCommand.Succeeded;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ReplayCommand.CannotRun;
        }
    }
}
