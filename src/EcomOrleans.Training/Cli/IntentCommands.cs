using System.CommandLine;
using System.Text.Json.Nodes;
using EcomOrleans.Models;
using EcomOrleans.Training.Intent;
using Spectre.Console;

namespace EcomOrleans.Training.Cli;

/// <summary><c>train intent</c> and <c>evaluate intent</c>.</summary>
internal static class IntentCommands
{
    public static Command Train(string[] args)
    {
        var data = CliOptions.Data("CSV with 'utterance' and 'intent' columns (the Bitext layout).");
        var vocabulary = new Option<FileInfo>("--vocab")
        {
            Description = "Full bert-base-uncased vocab.txt (default: bert-vocab/vocab.txt in the folder above the data file's).",
        };
        var output = CliOptions.Out(Path.Combine(ModelKinds.Intent, "bert-small"));
        var seed = CliOptions.Seed();
        var threads = CliOptions.Threads();
        var version = CliOptions.Version();
        var dim = CliOptions.Value("--dim", 64, "Hidden width");
        var layers = CliOptions.Value("--layers", 2, "Transformer blocks");
        var heads = CliOptions.Value("--heads", 4, "Attention heads");
        var maxLength = CliOptions.Value("--max-length", 64, "Longest token sequence");
        var epochs = CliOptions.Value("--epochs", 8, "Epochs");
        var batch = CliOptions.Value("--batch-size", 64, "Utterances per step");
        var lr = CliOptions.Value("--lr", 2e-3, "AdamW learning rate");
        var testFraction = CliOptions.Value("--test-fraction", 0.2, "Stratified held-out share");
        var minutes = CliOptions.Value("--max-minutes", 20.0, "Wall-clock budget in minutes");
        var command = new Command("intent", "Train the small BERT intent classifier and export it to ONNX.")
        {
            data, vocabulary, output, seed, threads, version, dim, layers, heads, maxLength, epochs, batch, lr, testFraction, minutes,
        };
        command.SetAction(parse =>
        {
            var dataFile = parse.GetValue(data)!;
            var fullVocabulary = parse.GetValue(vocabulary)?.FullName
                ?? Path.Combine(dataFile.Directory!.Parent?.FullName ?? dataFile.DirectoryName!, "bert-vocab", ModelFileNames.Vocabulary);
            if (!File.Exists(fullVocabulary))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No WordPiece vocabulary at {fullVocabulary}: pass --vocab <bert-base-uncased vocab.txt>.[/]");
                return 2;
            }

            var dataset = IntentDataset.Load(dataFile.FullName);
            var labels = dataset.Labels;
            var (kept, test) = IntentDataset.Split(dataset.Rows, parse.GetValue(testFraction), parse.GetValue(seed));
            var (train, validation) = IntentDataset.Split(kept, 0.1, parse.GetValue(seed) + 1);
            AnsiConsole.MarkupLineInterpolated($"{dataFile.Name}: {dataset.Rows.Count} utterances, {labels.Count} intents; train {train.Count}, validation {validation.Count}, test {test.Count}");

            var directory = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(directory);
            var vocabPath = Path.Combine(directory, ModelFileNames.Vocabulary);
            IntentTokenizer.WritePrunedVocabulary(fullVocabulary, kept.Select(r => r.Text), vocabPath);
            var tokenizer = new IntentTokenizer(vocabPath, parse.GetValue(maxLength));
            var options = new IntentTrainingOptions(
                new IntentModelOptions(tokenizer.VocabularySize, labels.Count, parse.GetValue(dim), parse.GetValue(layers), parse.GetValue(heads), parse.GetValue(maxLength)),
                parse.GetValue(epochs), parse.GetValue(batch), parse.GetValue(lr), parse.GetValue(seed), parse.GetValue(minutes));
            var (model, curve, bestEpoch) = IntentTrainer.Train(train, validation, labels, tokenizer, options, CliOptions.Device(parse.GetValue(threads)));

            var split = new JsonObject { ["kind"] = "stratified by intent", ["testFraction"] = parse.GetValue(testFraction), ["seed"] = parse.GetValue(seed), ["validationFraction"] = 0.1 };
            var trainingData = TrainingData.Of(dataFile.FullName, split);
            var name = "intent-" + Path.GetFileNameWithoutExtension(dataFile.Name);
            var metadata = new Dictionary<string, string>
            {
                ["name"] = name, ["version"] = parse.GetValue(version)!, ["kind"] = ModelKinds.Intent, ["maxLength"] = $"{model.Options.MaxLength}",
                ["padding"] = ModelPadding.Right, ["trainingData"] = trainingData.File, ["trainingDataSha256"] = trainingData.Sha256,
            };
            IntentModelFiles.WriteModel(directory, model, labels, metadata, 1);
            curve.Save(directory, $"Intent classifier on {dataFile.Name}");

            var summary = new JsonObject { ["testRows"] = test.Count, ["bestEpoch"] = bestEpoch, ["epochsRun"] = curve.Loss.Count };
            var manifest = IntentModelFiles.Manifest(name, parse.GetValue(version)!, model.Options, CliOptions.Command(args), trainingData, summary,
                new JsonObject
                {
                    ["dim"] = options.Model.Dim, ["layers"] = options.Model.Layers, ["heads"] = options.Model.Heads, ["dropout"] = options.Model.Dropout,
                    ["epochs"] = options.Epochs, ["batchSize"] = options.BatchSize, ["learningRate"] = options.LearningRate, ["seed"] = options.Seed,
                    ["pooling"] = "mean over attended tokens",
                }) with { CreatedAt = CliOptions.Now() };
            manifest.Save(directory);

            // Scored through ONNX Runtime from the written folder, as evaluate and serving see it.
            var metrics = IntentModelFiles.Evaluate(directory, test, out _);
            summary["accuracy"] = CliOptions.Round(metrics.Accuracy);
            summary["macroF1"] = CliOptions.Round(metrics.MacroF1);
            summary["worstIntents"] = IntentModelFiles.WorstIntents(metrics, labels);
            manifest.Save(directory);
            AnsiConsole.MarkupLineInterpolated($"test accuracy {metrics.Accuracy:F4}, macro-F1 {metrics.MacroF1:F4}; wrote {directory}");
            return 0;
        });
        return command;
    }

    public static Command Evaluate()
    {
        var model = CliOptions.Model("intent");
        var data = CliOptions.Data("CSV with 'utterance' and 'intent' columns; the training file is scored on its held-out split.");
        var json = CliOptions.Json();
        var command = new Command("intent", "Accuracy, macro-F1 and the worst intents' confusion.") { model, data, json };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(model)!.FullName;
            var (rows, scope) = IntentModelFiles.EvaluationRows(ModelManifest.Load(directory), parse.GetValue(data)!.FullName);
            var metrics = IntentModelFiles.Evaluate(directory, rows, out var labels);
            var worst = IntentModelFiles.WorstIntents(metrics, labels);
            var table = new Table().AddColumns("rows", "scope", "accuracy", "macro-F1", "");
            table.AddRow($"{rows.Count}", scope.EscapeMarkup(), $"{metrics.Accuracy:F4}", $"{metrics.MacroF1:F4}", "");
            foreach (var entry in worst)
            {
                table.AddRow("worst", entry!["intent"]!.ToString(), $"F1 {entry["f1"]}",
                    $"went to {entry["confusedWith"]!.ToJsonString()}".EscapeMarkup(), $"taken from {entry["takenFrom"]!.ToJsonString()}".EscapeMarkup());
            }

            CliOptions.Print(new JsonObject
            {
                ["accuracy"] = CliOptions.Round(metrics.Accuracy), ["macroF1"] = CliOptions.Round(metrics.MacroF1), ["rows"] = rows.Count,
                ["scope"] = scope, ["worstIntents"] = worst,
            }, parse.GetValue(json), table);
            return 0;
        });
        return command;
    }
}
