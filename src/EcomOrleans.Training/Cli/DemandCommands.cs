using System.CommandLine;
using System.Text.Json.Nodes;
using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Models;
using EcomOrleans.Training.Common;
using EcomOrleans.Training.Demand;
using EcomOrleans.Training.Onnx;
using Spectre.Console;

namespace EcomOrleans.Training.Cli;

/// <summary><c>train demand</c>, <c>evaluate demand</c> and <c>evaluate demand-backtest</c>.</summary>
internal static class DemandCommands
{
    /// <summary>Most ensemble members one model may hold: each adds an LSTM to every forecast.</summary>
    public const int MaxMembers = 32;

    public static Command Train(string[] args)
    {
        var data = CliOptions.Data("M5 long CSV (item_id, date, sales, sell_price, event_name_1...); zero-sales days may be absent.");
        var output = CliOptions.Out("demand");
        var seed = CliOptions.Seed();
        var threads = CliOptions.Threads();
        var version = CliOptions.Version();
        var hidden = CliOptions.Value("--hidden", 32, "LSTM width");
        var layers = CliOptions.Value("--layers", 1, "LSTM layers");
        var epochs = CliOptions.Value("--epochs", 60, "Maximum epochs");
        var batch = CliOptions.Value("--batch-size", 128, "Windows per step");
        var lr = CliOptions.Value("--lr", 3e-3, "Adam learning rate");
        var patience = CliOptions.Value("--patience", 15, "Epochs without validation gain before stopping");
        var minutes = CliOptions.Value("--max-minutes", 15.0, "Wall-clock budget in minutes, shared by the ensemble's members");
        var lossScale = CliOptions.Value("--loss-scale", DemandLossScale.Rmsse, "What the loss divides errors by: Window (the window's mean units) or Rmsse (the series' RMS one-step change, as the metric)");
        var headDropout = CliOptions.Value("--dropout", 0.4, "Dropout on the LSTM's last hidden state and the head's hidden layer");
        var refit = CliOptions.Value("--refit", false, "After validation picks each member's epoch count, retrain it that long on every window before the test days");
        var cutoff = new Option<DateOnly?>("--cutoff")
        {
            Description = "Train on the days before this date only (yyyy-MM-dd): the model a backtest from that date may use",
        };
        var members = CliOptions.Value("--ensemble", 5, "LSTMs trained with seeds seed, seed+1, ... and averaged inside the exported graph");
        members.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MaxMembers)
            {
                result.AddError($"--ensemble must be between 1 and {MaxMembers}.");
            }
        });
        var command = new Command("demand", "Train the LSTM quantile demand forecaster and export it to ONNX.")
        {
            data, output, seed, threads, version, hidden, layers, epochs, batch, lr, patience, minutes, members, lossScale, headDropout, refit, cutoff,
        };
        command.SetAction(parse =>
        {
            var dataFile = parse.GetValue(data)!;
            var series = M5Reader.Load(dataFile.FullName);
            if (parse.GetValue(cutoff) is { } before)
            {
                series = M5Reader.Before(series, before);
                AnsiConsole.MarkupLineInterpolated($"cut at {before:yyyy-MM-dd}: the days from then on are not trained or validated on");
            }

            AnsiConsole.MarkupLineInterpolated($"{dataFile.Name}: {series.Count} series, {series.Sum(s => s.Length)} days after filling zero-sales days");
            var options = new DemandTrainingOptions(new DemandModelOptions(parse.GetValue(hidden), parse.GetValue(layers), HeadDropout: parse.GetValue(headDropout)), parse.GetValue(epochs),
                parse.GetValue(batch), parse.GetValue(lr), parse.GetValue(patience), parse.GetValue(seed), parse.GetValue(minutes), parse.GetValue(members), parse.GetValue(lossScale), parse.GetValue(refit));
            var result = DemandTrainer.Train(series, options, CliOptions.Device(parse.GetValue(threads)));
            var validation = result.Validation;
            AnsiConsole.MarkupLineInterpolated(
                $"validation RMSSE {validation.Rmsse:F4} ({options.Members} member(s); seasonal naive {validation.RmsseSeasonalNaive:F4}, exp. smoothing {validation.RmsseExpSmoothing:F4})");

            var directory = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(directory);
            var trainingData = TrainingData.Of(dataFile.FullName, new JsonObject
            {
                ["test"] = $"last {DemandEvaluator.TestDays} days of each series", ["validation"] = $"the {DemandTrainer.ValidationDays} days before them",
                ["train"] = "14-day windows ending before the validation days",
            });
            if (parse.GetValue(cutoff) is { } cut)
            {
                trainingData.Split!["cutoff"] = $"{cut:yyyy-MM-dd}: every series ends the day before";
            }

            var name = "lstm-" + Path.GetFileNameWithoutExtension(dataFile.Name);
            var metadata = new Dictionary<string, string>
            {
                ["name"] = name, ["version"] = parse.GetValue(version)!, ["kind"] = ModelKinds.Demand, ["maxLength"] = $"{DemandModelShape.Window}",
                ["padding"] = ModelPadding.None, ["trainingData"] = trainingData.File, ["trainingDataSha256"] = trainingData.Sha256,
            };
            File.WriteAllBytes(Path.Combine(directory, ModelFileNames.Onnx), result.Model.ExportOnnx(metadata, 1).ToByteArray());
            LearningCurve.Save(result.Curves, directory,
                options.Members == 1 ? $"LSTM demand forecaster on {dataFile.Name}" : $"LSTM demand forecaster on {dataFile.Name}, {options.Members} members");
            var hyperParameters = new JsonObject
            {
                ["hidden"] = options.Model.Hidden, ["dropout"] = options.Model.HeadDropout, ["layers"] = options.Model.Layers, ["epochs"] = options.Epochs, ["batchSize"] = options.BatchSize,
                ["learningRate"] = options.LearningRate, ["patience"] = options.Patience, ["seed"] = options.Seed, ["ensemble"] = options.Members, ["lossScale"] = options.LossScale.ToString(), ["refit"] = options.Refit,
                ["loss"] = "MSE (mean channel) + pinball (p10, p50, p90), errors divided by the lossScale",
            };
            var manifest = DemandModelFiles.Manifest(name, parse.GetValue(version)!, CliOptions.Command(args), trainingData, [], hyperParameters)
                with { CreatedAt = CliOptions.Now() };
            manifest.Save(directory);
            var metrics = DemandModelFiles.Metrics(DemandModelFiles.Evaluate(directory, series));
            metrics["validation"] = new JsonObject
            {
                ["days"] = DemandTrainer.ValidationDays, ["rmsse"] = Math.Round(validation.Rmsse, 4),
                ["rmsseSeasonalNaive"] = Math.Round(validation.RmsseSeasonalNaive, 4), ["rmsseExpSmoothing"] = Math.Round(validation.RmsseExpSmoothing, 4),
            };
            metrics["bestEpochs"] = new JsonArray([.. result.BestEpochs.Select(e => JsonValue.Create(e))]);
            metrics["epochsRun"] = new JsonArray([.. result.Curves.Select(c => JsonValue.Create(c.Loss.Count))]);
            (manifest with { Metrics = metrics }).Save(directory);
            AnsiConsole.MarkupLineInterpolated($"RMSSE {metrics["rmsse"]} (seasonal naive {metrics["rmsseSeasonalNaive"]}, exp. smoothing {metrics["rmsseExpSmoothing"]}), p90 coverage {metrics["p90Coverage"]}; wrote {directory}");
            return 0;
        });
        return command;
    }

    public static Command Evaluate()
    {
        var model = CliOptions.Model("demand");
        var data = CliOptions.Data("M5 long CSV; the last 28 days of each series are scored.");
        var json = CliOptions.Json();
        var command = new Command("demand", "RMSSE on the last 28 days beside seasonal-naive and exponential-smoothing baselines, and p90 coverage.") { model, data, json };
        command.SetAction(parse =>
        {
            var evaluation = DemandModelFiles.Evaluate(parse.GetValue(model)!.FullName, M5Reader.Load(parse.GetValue(data)!.FullName));
            var table = new Table().AddColumns("series", "RMSSE (mean)", "RMSSE (p50)", "seasonal naive", "exp. smoothing", "p90 coverage");
            foreach (var s in evaluation.Series)
            {
                table.AddRow(s.Id, $"{s.Rmsse:F3}", $"{s.RmsseP50:F3}", $"{s.RmsseSeasonalNaive:F3}", $"{s.RmsseExpSmoothing:F3}", $"{s.P90Coverage:P0}");
            }

            table.AddRow("mean", $"{evaluation.Rmsse:F3}", $"{evaluation.RmsseP50:F3}", $"{evaluation.RmsseSeasonalNaive:F3}", $"{evaluation.RmsseExpSmoothing:F3}", $"{evaluation.P90Coverage:P0}");
            CliOptions.Print(DemandModelFiles.Metrics(evaluation), parse.GetValue(json), table);
            return 0;
        });
        return command;
    }

    public static Command Backtest()
    {
        var model = CliOptions.Model("demand/backtest");
        var data = CliOptions.Data("M5 long CSV; the last --days days of each series are forecast from rolling origins.");
        var days = CliOptions.Value("--days", 364, "Days at the end of each series the origins fall in");
        var every = CliOptions.Value("--every", 14, "Days between origins");
        var plot = new Option<FileInfo?>("--plot") { Description = "Draw forecast against actual for the series with the most units (PNG)" };
        var json = CliOptions.Json();
        var record = new Option<DirectoryInfo?>("--record-in")
        {
            Description = "Write the blend chosen on every window, and this backtest's figures, into that model folder's manifest (metrics.servedBlend, metrics.backtest): what the engine serves",
        };
        var command = new Command("demand-backtest",
            "Rolling-origin backtest: seasonal naive, exponential smoothing, seasonal smoothing, the model and the served blend (model and seasonal smoothing), each blend chosen on earlier windows; every forecaster reads the last 728 days, as a SKU grain does.")
        {
            model, data, days, every, plot, json, record,
        };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(model)!.FullName;
            var manifest = ModelManifest.Load(directory);
            var series = M5Reader.Load(parse.GetValue(data)!.FullName);
            var firstOrigin = series.Max(s => s.DateAt(s.Length - 1)).AddDays(1 - parse.GetValue(days));
            if (manifest.TrainingData?.Split?["cutoff"] is null)
            {
                AnsiConsole.MarkupLine("[yellow]the model's manifest names no cutoff: it may have trained on the backtest days[/]");
            }

            AnsiConsole.MarkupLineInterpolated($"model {manifest.Name} v{manifest.Version} ({manifest.TrainingData?.Split?["cutoff"]}); first origin {firstOrigin:yyyy-MM-dd}");
            using var runner = new OnnxRunner(Path.Combine(directory, manifest.OnnxFile));
            var result = DemandBacktest.Run(series, new DemandModelFiles.OnnxForecaster(runner), parse.GetValue(days), parse.GetValue(every));
            var table = new Table().AddColumns("forecaster", "RMSSE", "scaled pinball", "p90 coverage");
            foreach (var m in result.Methods)
            {
                table.AddRow(m.Name, $"{m.Rmsse:F4}", $"{m.ScaledPinball:F4}", $"{m.P90Coverage:P1}");
            }

            var (naive, smoothing, served) = (result.Methods[0], result.Methods[1], result.Methods[^1]);
            var summary = new JsonObject
            {
                ["origins"] = result.Windows.Count, ["series"] = result.Windows.Select(w => w.Series).Distinct().Count(), ["days"] = parse.GetValue(days), ["every"] = parse.GetValue(every),
                ["firstOrigin"] = $"{firstOrigin:yyyy-MM-dd}",
                ["methods"] = new JsonArray([.. result.Methods.Select(m => new JsonObject
                {
                    ["name"] = m.Name, ["rmsse"] = CliOptions.Round(m.Rmsse), ["scaledPinball"] = CliOptions.Round(m.ScaledPinball), ["p90Coverage"] = CliOptions.Round(m.P90Coverage),
                    ["perSeries"] = new JsonArray([.. m.PerSeries.Select(s => new JsonObject
                    {
                        ["id"] = s.Id, ["rmsse"] = CliOptions.Round(s.Rmsse), ["scaledPinball"] = CliOptions.Round(s.ScaledPinball), ["p90Coverage"] = CliOptions.Round(s.P90Coverage),
                    })]),
                })]),
                ["servedVsSeasonalNaive"] = CliOptions.Round((served.Rmsse / naive.Rmsse) - 1),
                ["servedVsExpSmoothing"] = CliOptions.Round((served.Rmsse / smoothing.Rmsse) - 1),
                ["blend"] = new JsonObject { ["modelWeight"] = result.Final.ModelWeight, ["quantileScale"] = result.Final.QuantileScale },
                ["yearPull"] = new JsonObject
                {
                    ["fitted"] = CliOptions.Round(result.FinalYearPull), ["served"] = DemandBaselines.YearPull,
                    ["chosenAtOrigins"] = new JsonArray([.. result.Windows.Select(w => CliOptions.Round(w.YearPull)).Distinct().Order().Select(p => (JsonNode)p!)]),
                },
                ["blendsChosen"] = new JsonArray([.. result.Windows.Select(w => result.Chosen[w]).Distinct().Select(b => new JsonObject { ["modelWeight"] = b.ModelWeight, ["quantileScale"] = b.QuantileScale })]),
            };
            CliOptions.Print(summary, parse.GetValue(json), table);
            if (!parse.GetValue(json))
            {
                AnsiConsole.MarkupLineInterpolated(
                    $"served blend against seasonal naive {summary["servedVsSeasonalNaive"]:P1}, against exp. smoothing {summary["servedVsExpSmoothing"]:P1}; blend chosen on all windows: model weight {result.Final.ModelWeight}, quantile scale {result.Final.QuantileScale}");
                AnsiConsole.MarkupLineInterpolated(
                    $"year pull fitted on every day's forecast: {result.FinalYearPull:F3} (served: DemandBaselines.YearPull = {DemandBaselines.YearPull})");
            }

            if (Math.Abs(result.FinalYearPull - DemandBaselines.YearPull) > 0.01)
            {
                AnsiConsole.MarkupLineInterpolated(
                    $"[yellow]the engine serves a year pull of {DemandBaselines.YearPull}, and this data fits {result.FinalYearPull:F3}: change DemandBaselines.YearPull if this is the data it should follow[/]");
            }

            if (parse.GetValue(record) is { } servedFolder)
            {
                var servedManifest = ModelManifest.Load(servedFolder.FullName);
                var metrics = servedManifest.Metrics?.DeepClone().AsObject() ?? [];
                metrics["servedBlend"] = new JsonObject
                {
                    ["modelWeight"] = result.Final.ModelWeight, ["quantileScale"] = result.Final.QuantileScale,
                    ["chosenBy"] = $"evaluate demand-backtest --model {Path.GetRelativePath(Environment.CurrentDirectory, directory)}: the least mean RMSSE, then scaled pinball, over every window",
                };
                var backtest = summary.DeepClone().AsObject();
                backtest.Remove("blendsChosen");
                metrics["backtest"] = backtest;
                (servedManifest with { Metrics = metrics }).Save(servedFolder.FullName);
                AnsiConsole.MarkupLineInterpolated($"recorded the blend in {servedFolder.FullName}");
            }

            if (parse.GetValue(plot) is { } file)
            {
                var busiest = series.Where(s => result.Windows.Any(w => w.Series == s.Id)).MaxBy(s => s.Units.Sum())!.Id;
                BacktestPlot.Save(result, busiest, file.FullName);
            }

            return 0;
        });
        return command;
    }
}
