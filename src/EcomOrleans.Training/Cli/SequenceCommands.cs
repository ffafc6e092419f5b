using System.CommandLine;
using System.Text.Json.Nodes;
using EcomOrleans.Models;
using EcomOrleans.Training.Sequence;
using Spectre.Console;

namespace EcomOrleans.Training.Cli;

/// <summary><c>train sequence</c> and <c>evaluate sequence</c>.</summary>
internal static class SequenceCommands
{
    public static Command Train(string[] args)
    {
        var data = CliOptions.Data("Sequences: 'uid i1 i2 ...' per line, or 'user item' pairs grouped by user.");
        var output = CliOptions.Out("sequence");
        var seed = CliOptions.Seed();
        var threads = CliOptions.Threads();
        var version = CliOptions.Version();
        var dim = CliOptions.Value("--dim", 64, "Embedding width");
        var layers = CliOptions.Value("--layers", 2, "Transformer blocks");
        var heads = CliOptions.Value("--heads", 2, "Attention heads");
        var dropout = CliOptions.Value("--dropout", 0.3, "Dropout");
        var maxLength = CliOptions.Value("--max-length", 50, "Items the model reads");
        var epochs = CliOptions.Value("--epochs", 200, "Maximum epochs");
        var batch = CliOptions.Value("--batch-size", 128, "Sequences per step");
        var lr = CliOptions.Value("--lr", 1e-3, "Adam learning rate");
        var patience = CliOptions.Value("--patience", 10, "Epochs without validation gain before stopping");
        var minutes = CliOptions.Value("--max-minutes", 30.0, "Wall-clock budget in minutes");
        var refit = CliOptions.Value("--refit", true, "After validation picks the epoch count, retrain that long with each user's validation item as a target too");
        var refitEpochs = new Option<int?>("--refit-epochs")
        {
            Description = "Skip validation and train as --refit does for this many epochs (the count an earlier validated run chose).",
        };
        refitEpochs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 1000)
            {
                result.AddError("--refit-epochs must be between 1 and 1000.");
            }
        });
        var skuPrefix = new Option<string?>("--sku-prefix") { Description = "SKU prefix (default: the data file name up to its first '-')." };
        var command = new Command("sequence", "Train the SASRec sequence encoder and export it to ONNX.")
        {
            data, output, seed, threads, version, dim, layers, heads, dropout, maxLength, epochs, batch, lr, patience, minutes, skuPrefix, refit, refitEpochs,
        };
        command.SetAction(parse =>
        {
            var dataFile = parse.GetValue(data)!;
            var dataset = SequenceDataset.Load(dataFile.FullName);
            AnsiConsole.MarkupLineInterpolated($"{dataFile.Name}: {dataset.Sequences.Count} users, {dataset.ItemCount} items, {dataset.EventCount} events");
            var model = new SasRecOptions(dataset.ItemCount, parse.GetValue(dim), parse.GetValue(layers), parse.GetValue(heads), parse.GetValue(maxLength), parse.GetValue(dropout));
            var options = new SequenceTrainingOptions(model, parse.GetValue(epochs), parse.GetValue(batch), parse.GetValue(lr), parse.GetValue(patience),
                parse.GetValue(seed), MaxMinutes: parse.GetValue(minutes), Refit: parse.GetValue(refit),
                RefitEpochs: parse.GetValue(refitEpochs));
            var (trained, curve, bestEpoch) = SequenceTrainer.Train(dataset, options, CliOptions.Device(parse.GetValue(threads)));

            var directory = parse.GetValue(output)!.FullName;
            var trainingData = TrainingData.Of(dataFile.FullName, new JsonObject
            {
                ["holdOut"] = options.RefitEpochs is { } known
                    ? $"leave-one-out: last item test; trained {known} epochs on all but the last item (an epoch count chosen by an earlier run on the second-to-last item)"
                    : options.Refit
                    ? "leave-one-out: last item test, second-to-last validation (chose the epoch count; the model kept was then trained that long on all but the last item)"
                    : "leave-one-out: last item test, second-to-last validation",
            });
            var name = "sasrec-" + Path.GetFileNameWithoutExtension(dataFile.Name);
            var metadata = new Dictionary<string, string>
            {
                ["name"] = name, ["version"] = parse.GetValue(version)!, ["kind"] = ModelKinds.Sequence, ["maxLength"] = $"{model.MaxLength}",
                ["padding"] = ModelPadding.Left, ["trainingData"] = trainingData.File, ["trainingDataSha256"] = trainingData.Sha256,
            };
            var prefix = parse.GetValue(skuPrefix) ?? dataFile.Name.Split('-')[0].Split('.')[0];
            SequenceModelFiles.WriteModel(directory, trained, prefix, metadata, 1);
            curve.Save(directory, $"SASRec on {dataFile.Name}");

            var metrics = new JsonObject { ["data"] = dataFile.Name, ["bestEpoch"] = bestEpoch, ["epochsRun"] = curve.Loss.Count };
            var manifest = SequenceModelFiles.Manifest(name, parse.GetValue(version)!, model, CliOptions.Command(args), trainingData, metrics,
                JsonHyperParameters(options)) with { CreatedAt = CliOptions.Now() };
            manifest.Save(directory);
            foreach (var protocol in Enum.GetValues<RankingProtocol>())
            {
                var (result, popular) = SequenceModelFiles.Evaluate(directory, dataset, protocol, parse.GetValue(seed));
                metrics[ProtocolName(protocol)] = ProtocolMetrics(result, popular);
                AnsiConsole.MarkupLineInterpolated($"{ProtocolName(protocol)}: HR@10 {result.Hr10:F4} NDCG@10 {result.Ndcg10:F4} (most popular {popular.Hr10:F4} / {popular.Ndcg10:F4})");
            }

            manifest.Save(directory);
            AnsiConsole.MarkupLineInterpolated($"wrote {directory}");
            return 0;
        });
        return command;
    }

    public static Command Evaluate()
    {
        var model = CliOptions.Model("sequence");
        var data = CliOptions.Data("Sequences in either layout; each user's last item is the test target.");
        var protocol = new Option<string>("--protocol") { Description = "uniform100, popular100 or full.", DefaultValueFactory = _ => "full" }
            .AcceptOnlyFromAmong("uniform100", "popular100", "full");
        var seed = CliOptions.Seed();
        var json = CliOptions.Json();
        var update = new Option<bool>("--update-manifest") { Description = "Also record the result under metrics.<protocol> in the model's manifest." };
        var command = new Command("sequence", "HR@10 and NDCG@10 of next-item prediction, beside a most-popular baseline.") { model, data, protocol, seed, json, update };
        command.SetAction(parse =>
        {
            var chosen = ParseProtocol(parse.GetValue(protocol)!);
            var dataset = SequenceDataset.Load(parse.GetValue(data)!.FullName);
            var directory = parse.GetValue(model)!.FullName;
            var (result, popular) = SequenceModelFiles.Evaluate(directory, dataset, chosen, parse.GetValue(seed));
            if (parse.GetValue(update))
            {
                var manifest = ModelManifest.Load(directory);
                manifest.Metrics[ProtocolName(chosen)] = ProtocolMetrics(result, popular);
                manifest.Save(directory);
            }

            var table = new Table().AddColumns("model", "protocol", "users", "HR@10", "NDCG@10");
            table.AddRow("model", ProtocolName(chosen), $"{result.Users}", $"{result.Hr10:F4}", $"{result.Ndcg10:F4}");
            table.AddRow("most popular", ProtocolName(chosen), $"{popular.Users}", $"{popular.Hr10:F4}", $"{popular.Ndcg10:F4}");
            CliOptions.Print(new JsonObject
            {
                ["hr10"] = CliOptions.Round(result.Hr10), ["ndcg10"] = CliOptions.Round(result.Ndcg10), ["users"] = result.Users,
                ["protocol"] = ProtocolName(chosen), ["mostPopularHr10"] = CliOptions.Round(popular.Hr10), ["mostPopularNdcg10"] = CliOptions.Round(popular.Ndcg10),
            }, parse.GetValue(json), table);
            return 0;
        });
        return command;
    }

    private static JsonObject ProtocolMetrics(RankingResult result, RankingResult popular) => new()
    {
        ["hr10"] = CliOptions.Round(result.Hr10), ["ndcg10"] = CliOptions.Round(result.Ndcg10),
        ["mostPopularHr10"] = CliOptions.Round(popular.Hr10), ["mostPopularNdcg10"] = CliOptions.Round(popular.Ndcg10), ["users"] = result.Users,
    };

    public static string ProtocolName(RankingProtocol protocol) => protocol switch
    {
        RankingProtocol.Uniform100 => "uniform100",
        RankingProtocol.Popular100 => "popular100",
        _ => "full",
    };

    private static RankingProtocol ParseProtocol(string name) => name switch
    {
        "uniform100" => RankingProtocol.Uniform100,
        "popular100" => RankingProtocol.Popular100,
        _ => RankingProtocol.Full,
    };

    private static JsonObject JsonHyperParameters(SequenceTrainingOptions options) => new()
    {
        ["dim"] = options.Model.Dim, ["layers"] = options.Model.Layers, ["heads"] = options.Model.Heads, ["dropout"] = options.Model.Dropout,
        ["maxLength"] = options.Model.MaxLength, ["epochs"] = options.Epochs, ["batchSize"] = options.BatchSize,
        ["learningRate"] = options.LearningRate, ["patience"] = options.Patience, ["seed"] = options.Seed, ["refit"] = options.Refit || options.RefitEpochs is not null,
        ["loss"] = "full softmax cross-entropy",
    };
}
