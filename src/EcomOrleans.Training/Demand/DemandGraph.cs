using EcomOrleans.Models.Demand;
using EcomOrleans.Training.Onnx;

namespace EcomOrleans.Training.Demand;

/// <summary>
/// The demand model's ONNX graph: one or more <see cref="LstmForecaster"/> members read the same
/// <c>history</c> and <c>scale</c>, and their [batch, 14, 4] forecasts are averaged channel by
/// channel (the mean of the means, and each quantile averaged across members) before being split
/// into <c>mean</c> and <c>quantiles</c>. One member is the plain forecaster.
/// </summary>
internal static class DemandGraph
{
    public static ModelProto Export(IReadOnlyList<LstmForecaster> members, IReadOnlyDictionary<string, string> metadata, long version, bool reorderGates = true)
    {
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        var g = new OnnxGraphBuilder("demand");
        var history = g.Input(DemandContract.HistoryInput, OnnxDataType.Float, "batch", DemandModelShape.Window, DemandModelShape.FeatureCount);
        var scale = g.Input(DemandContract.ScaleInput, OnnxDataType.Float, "batch", 1);
        var forecast = members[0].ExportForecast(g, history, scale, reorderGates);
        foreach (var member in members.Skip(1))
        {
            forecast = g.Add(forecast, member.ExportForecast(g, history, scale, reorderGates));
        }

        if (members.Count > 1)
        {
            forecast = g.Mul(forecast, g.Scalar("member_weight", 1f / members.Count));
        }

        var channels = g.Node("Split", [forecast, g.Int64Vector("split", 1, LstmForecaster.Quantiles.Length)], 2, AttributeProto.Int("axis", 2));
        g.Output(g.Node("Squeeze", [channels[0], g.Int64Vector("axis2", 2)]), DemandContract.MeanOutput, OnnxDataType.Float, "batch", DemandModelShape.Horizon);
        g.Output(channels[1], DemandContract.QuantilesOutput, OnnxDataType.Float, "batch", DemandModelShape.Horizon, LstmForecaster.Quantiles.Length);
        var doc = members.Count == 1
            ? "LSTM demand forecaster: 56 days of features to 14 days of mean and p10/p50/p90."
            : $"Ensemble of {members.Count} LSTM demand forecasters (averaged): 56 days of features to 14 days of mean and p10/p50/p90.";
        return g.ToModel(doc, version, metadata);
    }
}
