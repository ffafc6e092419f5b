using System.Globalization;
using EcomOrleans.Models;
using EcomOrleans.Models.Demand;
using EcomOrleans.Models.Intent;
using EcomOrleans.Models.Sequence;
using EcomOrleans.Training.Demand;
using EcomOrleans.Training.Intent;
using EcomOrleans.Training.Onnx;
using EcomOrleans.Training.Sequence;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EcomOrleans.Training.Tests.Models;

/// <summary>The reference models in models/ load, match their manifests and answer known inputs.</summary>
public sealed class CommittedModelTests
{
    [Theory]
    [InlineData("sequence")]
    [InlineData("demand")]
    [InlineData("intent")]
    [InlineData("intent/bert-small")]
    public void Manifest_CommittedModel_DescribesItsOnnxGraphAndFiles(string kind)
    {
        var directory = Path.Combine(TestPaths.Models, kind);
        var manifest = ModelManifest.Load(directory);
        var onnx = Path.Combine(directory, manifest.OnnxFile);
        using var runner = new OnnxRunner(onnx);

        Assert.Equal(kind.Split('/')[0], manifest.Kind);
        AssertSameTensors(manifest.Inputs, runner.InputMetadata.ToDictionary(p => p.Key, p => (p.Value.ElementDataType, p.Value.Dimensions)));
        AssertSameTensors(manifest.Outputs, runner.OutputMetadata.ToDictionary(p => p.Key, p => (p.Value.ElementDataType, p.Value.Dimensions)));
        Assert.Equal(manifest.Name, runner.Metadata["name"]);
        Assert.Equal(manifest.Version, runner.Metadata["version"]);
        Assert.Equal(manifest.Padding, runner.Metadata["padding"]);
        Assert.Equal(manifest.MaxLength?.ToString(CultureInfo.InvariantCulture), runner.Metadata["maxLength"]);
        Assert.Equal(manifest.TrainingData!.Sha256, runner.Metadata["trainingDataSha256"]);
        Assert.All(manifest.Files, f => Assert.True(File.Exists(Path.Combine(directory, f.File)), $"{f.File} is listed but missing"));
        var folderBytes = Directory.GetFiles(directory).Sum(f => new FileInfo(f).Length);
        Assert.True(folderBytes < 10_000_000, $"{kind} folder is {folderBytes} bytes");
    }

    [Fact]
    public void SequenceModel_KnownHistory_GivesTheSameEmbeddingPaddedOrNot()
    {
        var directory = Path.Combine(TestPaths.Models, "sequence");
        var manifest = ModelManifest.Load(directory);
        using var runner = new OnnxRunner(Path.Combine(directory, manifest.OnnxFile));
        var table = SequenceModelFiles.ReadItemTable(directory);
        var skus = File.ReadAllLines(Path.Combine(directory, ModelFileNames.ItemSkus));
        var dim = table.Length / skus.Length;

        var unpadded = runner.Run(SequenceContract.Output, (SequenceContract.Input, OnnxInput.Int64([1, 2, 3, 4], 1, 4)));
        var padded = runner.Run(SequenceContract.Output, (SequenceContract.Input, OnnxInput.Int64([0, 0, 0, 1, 2, 3, 4], 1, 7)));

        Assert.Equal([1L, dim], unpadded.Shape);
        Assert.Equal("beauty-17", skus[17]);
        Assert.Equal("", skus[0]);
        Assert.All(unpadded.Values, v => Assert.True(float.IsFinite(v)));
        TestInputs.AssertClose(unpadded.Values, padded.Values, 1e-4f);
    }

    [Theory]
    [InlineData("please help me cancel the order I placed yesterday", "cancel_order")]
    [InlineData("how do i cancel an order i made", "cancel_order")]
    [InlineData("how can I track my refund?", "track_refund")]
    [InlineData("i need to change my shipping address", "change_shipping_address")]
    public void SmallBertIntentModel_ClearMessage_PredictsItsIntent(string message, string intent)
    {
        var directory = Path.Combine(TestPaths.Models, "intent", "bert-small");
        var manifest = ModelManifest.Load(directory);
        var labels = IntentLabels.Read(Path.Combine(directory, ModelFileNames.Labels));
        var tokenizer = new IntentTokenizer(Path.Combine(directory, ModelFileNames.Vocabulary), manifest.MaxLength!.Value);
        using var runner = new OnnxRunner(Path.Combine(directory, manifest.OnnxFile));
        var (ids, mask, length) = tokenizer.EncodeBatch([message]);

        var (logits, _) = runner.Run(IntentContract.Logits,
            (IntentContract.InputIds, OnnxInput.Int64(ids, 1, length)), (IntentContract.AttentionMask, OnnxInput.Int64(mask, 1, length)));

        Assert.Equal(27, labels.Length);
        Assert.Equal(intent, labels[Array.IndexOf(logits, logits.Max())]);
    }

    [Fact]
    public void DemandModel_SteadySeller_ForecastsNearItsRateWithOrderedQuantiles()
    {
        var directory = Path.Combine(TestPaths.Models, "demand");
        using var runner = new OnnxRunner(Path.Combine(directory, ModelManifest.Load(directory).OnnxFile));
        var days = DemandModelShape.Window + 7;
        var series = new DemandSeries("steady", new DateOnly(2016, 1, 4), Enumerable.Repeat(3f, days).ToArray(), Enumerable.Repeat(2.5f, days).ToArray(), new float[days]);

        var forecast = new DemandModelFiles.OnnxForecaster(runner).Forecast(series, days);

        Assert.All(forecast.Mean, m => Assert.InRange(m, 1.5f, 4.5f));
        Assert.All(Enumerable.Range(0, DemandModelShape.Horizon), h => Assert.True(forecast.P10[h] <= forecast.P90[h], $"day {h}: p10 {forecast.P10[h]} > p90 {forecast.P90[h]}"));
    }

    [SkippableFact]
    public void SmallBertIntentModel_HeldOutSplit_ReproducesTheManifestAccuracy()
    {
        var data = TestPaths.RequireData("intents/bitext-20k.csv");
        var directory = Path.Combine(TestPaths.Models, "intent", "bert-small");
        var manifest = ModelManifest.Load(directory);

        var (rows, _) = IntentModelFiles.EvaluationRows(manifest, data);
        var metrics = IntentModelFiles.Evaluate(directory, rows, out _);

        Assert.Equal(manifest.Metrics["accuracy"]!.GetValue<double>(), Math.Round(metrics.Accuracy, 4), 6);
        Assert.Equal(manifest.Metrics["macroF1"]!.GetValue<double>(), Math.Round(metrics.MacroF1, 4), 6);
    }

    [SkippableFact]
    public void DemandModel_LastFourWeeks_ReproducesTheManifestRmsse()
    {
        var data = TestPaths.RequireData("m5-sample/m5-foods3-ca1.csv");
        var directory = Path.Combine(TestPaths.Models, "demand");
        var manifest = ModelManifest.Load(directory);

        var evaluation = DemandModelFiles.Evaluate(directory, M5Reader.Load(data));

        Assert.Equal(manifest.Metrics["rmsse"]!.GetValue<double>(), Math.Round(evaluation.Rmsse, 4), 6);
        Assert.Equal(manifest.Metrics["rmsseSeasonalNaive"]!.GetValue<double>(), Math.Round(evaluation.RmsseSeasonalNaive, 4), 6);
    }

    private static void AssertSameTensors(IReadOnlyList<TensorSpec> declared, Dictionary<string, (TensorElementType Type, int[] Dims)> actual)
    {
        Assert.Equal(declared.Select(d => d.Name).Order(), actual.Keys.Order());
        foreach (var spec in declared)
        {
            var (type, dims) = actual[spec.Name];
            Assert.Equal(spec.ElementType, type == TensorElementType.Int64 ? "int64" : type == TensorElementType.Float ? "float32" : type.ToString());
            var expected = spec.Shape.Select(d => (int)d.Fixed).ToArray();
            Assert.Equal(expected, dims);
        }
    }
}
