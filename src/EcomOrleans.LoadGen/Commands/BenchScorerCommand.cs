using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using EcomOrleans.Inference;
using EcomOrleans.Inference.Hosting;
using EcomOrleans.Inference.Models;
using EcomOrleans.Inference.Sequence;
using EcomOrleans.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>
/// <c>bench-scorer</c>: the catalog scorer behind every personalised recommendation, in this process, no engine needed.
/// Encodes user vectors from random histories of the sequence model's own items, then times <c>CatalogScorer</c>'s top
/// items two ways on the same vectors, in alternating rounds: the full pass (every item's float dot product) and the
/// bounded pass the engine serves (8-bit codes bound every score, only the items that can still make the list are
/// scored in full). Checks that both give the same answer and prints one JSON object.
/// </summary>
public static class BenchScorerCommand
{
    public static Command Create()
    {
        var models = new Option<string?>("--models") { Description = "Models folder (default: the 'models' folder above the tool)." };
        var users = SharedOptions.Ranged(new Option<int>("--users") { Description = "User vectors scored each round.", DefaultValueFactory = _ => 2_000 }, 1, 1_000_000);
        var count = SharedOptions.Ranged(new Option<int>("--count") { Description = "Items asked for (a 10-item recommendation asks for 30).", DefaultValueFactory = _ => 30 }, 1, 10_000);
        var rounds = SharedOptions.Ranged(new Option<int>("--rounds") { Description = "Rounds, each timing both passes over every vector.", DefaultValueFactory = _ => 5 }, 1, 100);
        var seed = SharedOptions.Seed();
        var command = new Command("bench-scorer", "Time the catalog scorer's full pass beside the bounded pass the engine serves, on the same user vectors; prints one JSON object.")
        {
            models, users, count, rounds, seed,
        };
        command.SetAction(parse =>
        {
            var console = CommandConsole.Create(json: true);
            var path = Path.GetFullPath(parse.GetValue(models) ?? ModelRegistry.FindModelsFolder(AppContext.BaseDirectory) ?? "models");
            try
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    Run(path, parse.GetValue(users), parse.GetValue(count), parse.GetValue(rounds), parse.GetValue(seed), console),
                    new JsonSerializerOptions { WriteIndented = true }));
                return ReplayCommand.Succeeded;
            }
            catch (ModelLoadException e)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return ReplayCommand.CannotRun;
            }
        });
        return command;
    }

    private static object Run(string modelsPath, int users, int count, int rounds, int seed, IAnsiConsole console)
    {
        using var registry = new ModelRegistry(Options.Create(new InferenceOptions { ModelsPath = modelsPath }), InferenceModelKinds.All, NullLogger<ModelRegistry>.Instance);
        var folder = Path.Combine(modelsPath, ModelKinds.Sequence);
        if (!File.Exists(Path.Combine(folder, ModelManifest.FileName)))
        {
            throw new ModelLoadException($"No sequence model at '{folder}'; pass --models with a folder that has one.");
        }

        var model = (SequenceModel)registry.SwapAsync(folder).GetAwaiter().GetResult();
        var random = new Random(seed);
        var histories = Enumerable.Range(0, users)
            .Select(_ => (IReadOnlyList<string>)[.. Enumerable.Range(0, random.Next(1, model.MaxLength + 1)).Select(_ => model.Skus[random.Next(1, model.ItemCount + 1)])])
            .ToArray();
        var vectors = histories.Chunk(64).SelectMany(b => SequenceEncoder.Encode(model, b)).Select(e => e.Vector).ToArray();
        var excluded = histories.Select(h => h.Select(model.IdOf).Distinct().Order().ToArray()).ToArray();
        console.MarkupLineInterpolated($"[grey]{model.ItemCount:N0} items of {model.Dim} dimensions, {users:N0} user vectors, top {count}; bounded pass {(model.Quantized is null ? "not available on this CPU" : "on")}[/]");

        var (full, bounded) = (new List<double>(), new List<double>());
        long scored = 0;
        var mismatches = 0;
        for (var round = 0; round < rounds; round++)
        {
            var answers = new (int, float)[users][];
            var clock = Stopwatch.StartNew();
            for (var u = 0; u < users; u++)
            {
                answers[u] = CatalogScorer.TopIds(model.ItemTable, null, vectors[u], model.Dim, model.ItemCount, count, excluded[u]);
            }

            full.Add(clock.Elapsed.TotalMicroseconds / users);
            clock.Restart();
            for (var u = 0; u < users; u++)
            {
                var answer = CatalogScorer.TopIds(model.ItemTable, model.Quantized, vectors[u], model.Dim, model.ItemCount, count, excluded[u], out var inFull);
                scored += inFull;
                mismatches += answer.SequenceEqual(answers[u]) ? 0 : 1;
            }

            bounded.Add(clock.Elapsed.TotalMicroseconds / users);
            console.MarkupLineInterpolated($"[grey]round {round + 1}: full {full[^1]:F1} us, bounded {bounded[^1]:F1} us a call[/]");
        }

        // The first round warms both up (tiering, caches); the median of the rest is reported.
        static double Median(List<double> xs) => xs.Count == 1 ? xs[0] : xs.Skip(1).Order().ElementAt((xs.Count - 1) / 2);
        return new
        {
            items = model.ItemCount, dim = model.Dim, users, count, rounds, machine = Environment.ProcessorCount + " cores",
            quantized = model.Quantized is not null,
            fullPassMicroseconds = Math.Round(Median(full), 1),
            boundedPassMicroseconds = Math.Round(Median(bounded), 1),
            speedup = Math.Round(Median(full) / Median(bounded), 2),
            meanRowsScoredInFull = Math.Round((double)scored / (users * rounds), 1),
            answersDiffering = mismatches,
        };
    }
}
