using System.Globalization;
using System.Text.Json;
using EcomOrleans.Models;
using EcomOrleans.Training.Cli;
using EcomOrleans.Training.Common;

namespace EcomOrleans.Training.Tests.Cli;

/// <summary>train and evaluate run end to end on small files the tool has never seen.</summary>
public sealed class TrainingCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecom-cli-").FullName;

    [Fact]
    public void TrainSequence_NewDataFile_WritesAModelThatEvaluateScores()
    {
        var data = WriteSequenceFile(seed: 1);
        var model = Path.Combine(_folder, "sequence");

        Assert.Equal(0, Run("train", "sequence", "--data", data, "--out", model, "--epochs", "2", "--dim", "16", "--threads", "1"));
        var json = Capture(() => Run("evaluate", "sequence", "--model", model, "--data", data, "--protocol", "uniform100", "--json"));

        var manifest = ModelManifest.Load(model);
        Assert.Equal("left", manifest.Padding);
        Assert.Equal("shop-1", File.ReadAllLines(Path.Combine(model, "item_skus.txt"))[1]);
        Assert.True(File.Exists(Path.Combine(model, ModelFileNames.LearningCurve)));
        Assert.Equal(60, json.GetProperty("users").GetInt32());
        Assert.Equal("uniform100", json.GetProperty("protocol").GetString());
        Assert.InRange(json.GetProperty("hr10").GetDouble(), 0, 1);
    }

    [Fact]
    public void TrainSequence_Refit_TrainsOnTheValidationItemsToo()
    {
        var data = WriteSequenceFile(seed: 2);
        var chosen = Path.Combine(_folder, "chosen");
        var refit = Path.Combine(_folder, "refit");
        string[] common = ["--data", data, "--epochs", "2", "--dim", "16", "--threads", "1"];

        Assert.Equal(0, Run(["train", "sequence", .. common, "--out", chosen, "--refit", "false"]));
        Assert.Equal(0, Run(["train", "sequence", .. common, "--out", refit]));

        // Same seed and epoch count; the refit model (the default) has also learned each user's validation item, so its item table differs.
        var manifest = ModelManifest.Load(refit);
        Assert.False((bool)ModelManifest.Load(chosen).HyperParameters["refit"]!);
        Assert.True((bool)manifest.HyperParameters["refit"]!);
        Assert.StartsWith("leave-one-out: last item test, second-to-last validation (chose the epoch count;", (string)manifest.TrainingData!.Split!["holdOut"]!);
        Assert.Equal(ModelManifest.Load(chosen).Metrics["bestEpoch"]!.GetValue<int>(), manifest.Metrics["bestEpoch"]!.GetValue<int>());
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(chosen, "item_embeddings.f32")), File.ReadAllBytes(Path.Combine(refit, "item_embeddings.f32")));
    }

    [Fact]
    public void TrainSequence_RefitEpochs_TrainsThatLongWithoutValidation()
    {
        var data = WriteSequenceFile(seed: 3);
        var model = Path.Combine(_folder, "sequence");

        Assert.Equal(0, Run("train", "sequence", "--data", data, "--out", model, "--refit-epochs", "3", "--dim", "16", "--threads", "1"));

        var manifest = ModelManifest.Load(model);
        Assert.Equal((3, 3), (manifest.Metrics["bestEpoch"]!.GetValue<int>(), manifest.Metrics["epochsRun"]!.GetValue<int>()));
        Assert.Equal("leave-one-out: last item test; trained 3 epochs on all but the last item (an epoch count chosen by an earlier run on the second-to-last item)",
            (string)manifest.TrainingData!.Split!["holdOut"]!);
        Assert.True(File.Exists(Path.Combine(model, ModelFileNames.LearningCurve)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public void TrainSequence_RefitEpochsOutOfRange_IsRejectedWithTheRange(string epochs)
    {
        var data = WriteSequenceFile(seed: 3);
        string[] args = ["train", "sequence", "--data", data, "--out", Path.Combine(_folder, "sequence"), "--refit-epochs", epochs];

        var errors = TrainingCli.Build(args).Parse(args).Errors;

        Assert.Equal("--refit-epochs must be between 1 and 1000.", Assert.Single(errors).Message);
    }

    [Fact]
    public void TrainDemand_NewM5File_WritesAModelThatEvaluateScores()
    {
        var data = WriteM5File();
        var model = Path.Combine(_folder, "demand");

        Assert.Equal(0, Run("train", "demand", "--data", data, "--out", model, "--epochs", "2", "--hidden", "8", "--threads", "1", "--ensemble", "2"));
        var json = Capture(() => Run("evaluate", "demand", "--model", model, "--data", data, "--json"));

        var metrics = ModelManifest.Load(model).Metrics;
        Assert.Equal(2, metrics["bestEpochs"]!.AsArray().Count);
        Assert.Equal(2, (int)ModelManifest.Load(model).HyperParameters["ensemble"]!);
        Assert.True(metrics["validation"]!["rmsse"]!.GetValue<double>() > 0);
        Assert.Equal(2, json.GetProperty("series").GetInt32());
        Assert.True(json.GetProperty("rmsse").GetDouble() > 0);
        Assert.True(json.TryGetProperty("rmsseSeasonalNaive", out _) && json.TryGetProperty("rmsseExpSmoothing", out _) && json.TryGetProperty("p90Coverage", out _));
    }

    [Fact]
    public void TrainDemand_Refit_RetrainsOnTheValidationWeeksToo()
    {
        var data = WriteM5File();
        var chosen = Path.Combine(_folder, "chosen");
        var refit = Path.Combine(_folder, "refit");
        string[] common = ["--data", data, "--epochs", "2", "--hidden", "8", "--threads", "1", "--ensemble", "1"];

        Assert.Equal(0, Run(["train", "demand", .. common, "--out", chosen]));
        Assert.Equal(0, Run(["train", "demand", .. common, "--out", refit, "--refit", "true"]));

        // Same seed and epochs, but the refit member has also trained on the 56 validation days, so its test forecasts differ.
        var chosenManifest = ModelManifest.Load(chosen);
        var refitManifest = ModelManifest.Load(refit);
        Assert.Equal((false, true), ((bool)chosenManifest.HyperParameters["refit"]!, (bool)refitManifest.HyperParameters["refit"]!));
        Assert.Equal(chosenManifest.Metrics["validation"]!.ToJsonString(), refitManifest.Metrics["validation"]!.ToJsonString());
        Assert.NotEqual(chosenManifest.Metrics["perSeries"]!.ToJsonString(), refitManifest.Metrics["perSeries"]!.ToJsonString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("33")]
    public void TrainDemand_EnsembleOutOfRange_IsRejectedWithTheRange(string members)
    {
        var data = Path.Combine(_folder, "m5.csv");
        File.WriteAllText(data, "id,item_id,sales,date,sell_price\n");
        string[] args = ["train", "demand", "--data", data, "--out", Path.Combine(_folder, "demand"), "--ensemble", members];

        var errors = TrainingCli.Build(args).Parse(args).Errors;

        Assert.Equal("--ensemble must be between 1 and 32.", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData(new[] { "--tune-layers", "6" }, "--tune-layers must be between 0 and 5.")]
    [InlineData(new[] { "--tune-layers", "9" }, "--tune-layers must be between 0 and 5.")]
    [InlineData(new[] { "--tune-layers", "1", "--tune-mix", "1.5" }, "--tune-mix must be between 0 and 1.")]
    [InlineData(new[] { "--tune-layers", "1", "--tune-epochs", "0" }, "--tune-epochs must be between 1 and 100.")]
    [InlineData(new[] { "--tune-layers", "1", "--outliers", "out.csv" }, "--outliers trains the head over the pooled embedding; it cannot be combined with --tune-layers.")]
    [InlineData(new[] { "--outlier-weight", "0.2" }, "--outlier-weight needs --outliers.")]
    [InlineData(new[] { "--tune-layers", "1", "--hidden", "64" }, "--tune-layers starts from the linear head; it cannot be combined with --hidden.")]
    [InlineData(new[] { "--tune-layers", "1", "--embedding-cache", "e.bin" }, "--embedding-cache keeps pooled embeddings; --tune-layers reads a layer's output and cannot use it.")]
    [InlineData(new[] { "--label-smoothing", "1" }, "--label-smoothing must be at least 0 and under 1.")]
    [InlineData(new[] { "--label-smoothing", "-0.1" }, "--label-smoothing must be at least 0 and under 1.")]
    [InlineData(new[] { "--heads", "0" }, "--heads must be between 1 and 16.")]
    [InlineData(new[] { "--heads", "17" }, "--heads must be between 1 and 16.")]
    [InlineData(new[] { "--heads", "3", "--hidden", "64" }, "--heads averages linear heads; it cannot be combined with --hidden or --tune-layers.")]
    [InlineData(new[] { "--heads", "2", "--tune-layers", "1" }, "--heads averages linear heads; it cannot be combined with --hidden or --tune-layers.")]
    public void TrainIntentEncoder_BadTuningOptions_AreRejectedNamingTheOption(string[] options, string message)
    {
        var data = Path.Combine(_folder, "intents.csv");
        File.WriteAllText(data, "flags,utterance,category,intent\n");
        string[] args = ["train", "intent-encoder", "--data", data, "--out", Path.Combine(_folder, "intent"), .. options];

        var errors = TrainingCli.Build(args).Parse(args).Errors;

        Assert.Equal(message, Assert.Single(errors).Message);
    }

    [Fact]
    public void TrainIntentEncoder_ExtraRowsWithAnIntentTheDataLacks_FailsNamingIt()
    {
        var data = Path.Combine(_folder, "intents.csv");
        File.WriteAllLines(data, new[] { "flags,utterance,category,intent" }.Concat(
            Enumerable.Range(0, 40).Select(i => $"B,\"please cancel order {i}\",ORDER,{(i % 2 == 0 ? "cancel_order" : "track_order")}")));
        var extra = Path.Combine(_folder, "extra.csv");
        File.WriteAllLines(extra, ["flags,utterance,category,intent", "H,where is the weather,WEATHER,weather", "H,cancel it,ORDER,cancel_order"]);
        using var errors = new StringWriter();

        var code = TrainingCli.Run(["train", "intent-encoder", "--data", data, "--extra", extra, "--out", Path.Combine(_folder, "intent")], errors);

        Assert.Equal(1, code);
        Assert.Equal("error: extra.csv has intents intents.csv does not: weather.", errors.ToString().TrimEnd());
    }

    [Fact]
    public void TrainIntent_NewCsvAndVocabulary_WritesAModelThatEvaluateScores()
    {
        var data = Path.Combine(_folder, "intents.csv");
        string[] phrases = ["cancel my order", "track my parcel", "refund my money"];
        string[] intents = ["cancel", "track", "refund"];
        File.WriteAllLines(data, new[] { "utterance,intent" }.Concat(
            Enumerable.Range(0, 60).Select(i => $"\"please, {phrases[i % 3]} {i}\",{intents[i % 3]}")));
        var vocabulary = Path.Combine(_folder, "vocab.txt");
        File.WriteAllLines(vocabulary, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ",", "please", "cancel", "my", "order", "track", "parcel", "refund", "money", "1", "2", "3", "##0", "##1"]);
        var model = Path.Combine(_folder, "intent");

        Assert.Equal(0, Run("train", "intent", "--data", data, "--vocab", vocabulary, "--out", model, "--epochs", "2", "--dim", "16", "--threads", "1"));
        var json = Capture(() => Run("evaluate", "intent", "--model", model, "--data", data, "--json"));

        Assert.Equal(["cancel", "refund", "track"], JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(model, "labels.json")))!);
        Assert.Equal(12, json.GetProperty("rows").GetInt32()); // the held-out 20 % of 60 rows
        Assert.InRange(json.GetProperty("macroF1").GetDouble(), 0, 1);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>60 users of 6 random items out of 30, one "uid i1 i2 ..." line each, in a file whose name gives the SKU prefix "shop".</summary>
    private string WriteSequenceFile(int seed)
    {
        var data = Path.Combine(_folder, "shop-seq.txt");
        var random = new Random(seed);
        File.WriteAllLines(data, Enumerable.Range(1, 60).Select(u => $"{u} " + string.Join(' ', Enumerable.Range(0, 6).Select(_ => random.Next(1, 31)))));
        return data;
    }

    /// <summary>A two-series M5 long CSV of 220 days: a steady weekly seller, and an intermittent one whose zero days are absent.</summary>
    private string WriteM5File()
    {
        var data = Path.Combine(_folder, "m5.csv");
        var lines = new List<string> { "id,item_id,dept_id,cat_id,store_id,state_id,d,sales,date,wm_yr_wk,event_name_1,event_type_1,event_name_2,event_type_2,sell_price" };
        var start = new DateOnly(2015, 1, 1);
        for (var day = 0; day < 220; day++)
        {
            var date = start.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            lines.Add($"X_v,X,F,F,S,C,d_{day + 1},{1 + (day % 7 == 5 ? 4 : day % 3)},{date},1,,,,,2.00");
            if (day % 4 == 0)
            {
                lines.Add($"Y_v,Y,F,F,S,C,d_{day + 1},2,{date},1,,,,,1.00"); // intermittent: the other days are absent
            }
        }

        File.WriteAllLines(data, lines);
        return data;
    }

    private static int Run(params string[] args) => TrainingCli.Build(args).Parse(args).Invoke();

    private static JsonElement Capture(Func<int> run)
    {
        var original = Console.Out;
        using var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            Assert.Equal(0, run());
        }
        finally
        {
            Console.SetOut(original);
        }

        return JsonDocument.Parse(writer.ToString().Trim().Split('\n')[^1]).RootElement.Clone();
    }
}
