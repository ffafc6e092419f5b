using System.Text.Json.Nodes;
using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Models.Demand;
using EcomOrleans.Models;
using EcomOrleans.Training.Onnx;

namespace EcomOrleans.Training.Demand;

/// <summary>The files of a demand model folder and the ONNX-backed forecaster evaluate uses.</summary>
internal static class DemandModelFiles
{
    public static ModelManifest Manifest(string name, string version, string command, TrainingData data, JsonObject metrics, JsonObject hyperParameters) => new()
    {
        Name = name,
        Version = version,
        Kind = ModelKinds.Demand,
        Inputs =
        [
            new TensorSpec(DemandContract.HistoryInput, TensorElementTypes.Float32, ["batch", DemandModelShape.Window, DemandModelShape.FeatureCount],
                $"the {DemandModelShape.Window} days before the first forecast day, oldest first; features per day as in details.features"),
            new TensorSpec(DemandContract.ScaleInput, TensorElementTypes.Float32, ["batch", 1], "max(1, mean daily units over the same window)"),
        ],
        Outputs =
        [
            new TensorSpec(DemandContract.MeanOutput, TensorElementTypes.Float32, ["batch", DemandModelShape.Horizon], "expected units per day, day 0 = the first forecast day"),
            new TensorSpec(DemandContract.QuantilesOutput, TensorElementTypes.Float32, ["batch", DemandModelShape.Horizon, LstmForecaster.Quantiles.Length],
                "units per day at quantiles p10, p50, p90 (last axis)"),
        ],
        Files = [new ModelFile(ModelFileRoles.LearningCurve, ModelFileNames.LearningCurve, "PNG")],
        MaxLength = DemandModelShape.Window,
        Padding = ModelPadding.None,
        TrainingCommand = command,
        TrainingData = data,
        Metrics = metrics,
        HyperParameters = hyperParameters,
        Details = new DemandDetails(
            DemandModelShape.Window, DemandModelShape.Horizon, LstmForecaster.Quantiles,
            [.. DemandFeatures.Layout.Select(DemandFeatures.NameOf)]).ToJson(),
    };

    /// <summary>Forecasts through the exported ONNX model, as the serving side will.</summary>
    internal sealed class OnnxForecaster(OnnxRunner runner) : IDemandForecaster
    {
        public QuantileForecast Forecast(DemandSeries series, int origin)
        {
            var features = DemandModelShape.Features(series, origin);
            var scale = DemandModelShape.Scale(series, origin);
            var inputs = new[]
            {
                (DemandContract.HistoryInput, OnnxInput.Float(features, 1, DemandModelShape.Window, DemandModelShape.FeatureCount)),
                (DemandContract.ScaleInput, OnnxInput.Float([scale], 1, 1)),
            };
            var mean = runner.Run(DemandContract.MeanOutput, inputs).Values;
            var quantiles = runner.Run(DemandContract.QuantilesOutput, inputs).Values;
            float[] Channel(int c) => Enumerable.Range(0, DemandModelShape.Horizon).Select(h => quantiles[(h * 3) + c]).ToArray();
            return new QuantileForecast(mean, Channel(0), Channel(1), Channel(2));
        }
    }

    public static DemandEvaluation Evaluate(string directory, IReadOnlyList<DemandSeries> series)
    {
        var manifest = ModelManifest.Load(directory);
        using var runner = new OnnxRunner(Path.Combine(directory, manifest.OnnxFile));
        return DemandEvaluator.Evaluate(series, new OnnxForecaster(runner));
    }

    public static JsonObject Metrics(DemandEvaluation evaluation) => new()
    {
        ["rmsse"] = Math.Round(evaluation.Rmsse, 4),
        ["rmsseP50"] = Math.Round(evaluation.RmsseP50, 4),
        ["rmsseSeasonalNaive"] = Math.Round(evaluation.RmsseSeasonalNaive, 4),
        ["rmsseExpSmoothing"] = Math.Round(evaluation.RmsseExpSmoothing, 4),
        ["p90Coverage"] = Math.Round(evaluation.P90Coverage, 4),
        ["series"] = evaluation.Series.Count,
        ["testDays"] = DemandEvaluator.TestDays,
        ["perSeries"] = new JsonArray([.. evaluation.Series.Select(s => new JsonObject
        {
            ["id"] = s.Id, ["rmsse"] = Math.Round(s.Rmsse, 4), ["rmsseP50"] = Math.Round(s.RmsseP50, 4),
            ["rmsseSeasonalNaive"] = Math.Round(s.RmsseSeasonalNaive, 4), ["rmsseExpSmoothing"] = Math.Round(s.RmsseExpSmoothing, 4),
            ["p90Coverage"] = Math.Round(s.P90Coverage, 4),
        })]),
    };
}
