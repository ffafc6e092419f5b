using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using EcomOrleans.Models.Demand;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Inference.Demand;

/// <summary>
/// The demand forecaster: features [batch, window, features] and scale [batch, 1] to the mean
/// [batch, horizon] and quantiles [batch, horizon, quantiles] in units per day.
/// </summary>
public sealed class DemandModel : LoadedModel
{
    /// <summary>The registry's plug-in for <c>demand</c> manifests.</summary>
    public static readonly IModelKind Kind = new ModelKind<DemandModel>(ModelKinds.Demand, Load);

    private DemandModel(ModelManifest manifest, string directory, InferenceSession session, int window, int horizon, int quantileCount, int p10, int p50, int p90, bool hasMean, DemandFeature[] layout)
        : base(manifest, directory, session)
    {
        P10Index = p10;
        HasMean = hasMean;
        Blend = BlendOf(manifest);
        Layout = layout;
        Window = window;
        Horizon = horizon;
        QuantileCount = quantileCount;
        P50Index = p50;
        P90Index = p90;
    }

    /// <summary>The per-day features in input order, resolved by name from the manifest's details.features.</summary>
    public IReadOnlyList<DemandFeature> Layout { get; }

    /// <summary>Days of history the model reads.</summary>
    public int Window { get; }

    /// <summary>Days it forecasts.</summary>
    public int Horizon { get; }

    public int QuantileCount { get; }

    /// <summary>The channel of the 10th percentile on the quantile axis; -1 when the model has none.</summary>
    public int P10Index { get; }

    /// <summary>Whether the model has the <c>mean</c> output (expected units); without it the median stands in.</summary>
    public bool HasMean { get; }

    /// <summary>
    /// How the SKU grain blends this model with seasonal smoothing: the manifest's <c>metrics.servedBlend</c>
    /// (<c>modelWeight</c>, <c>quantileScale</c>), written by the rolling-origin backtest; the model alone when absent.
    /// </summary>
    public (double ModelWeight, double QuantileScale) Blend { get; }

    /// <summary>The channel of the median on the quantile axis.</summary>
    public int P50Index { get; }

    /// <summary>The channel of the 90th percentile on the quantile axis.</summary>
    public int P90Index { get; }

    internal static DemandModel Load(ModelManifest manifest, string directory, InferenceSession session)
    {
        var history = manifest.Inputs.FirstOrDefault(i => i is { Name: DemandContract.HistoryInput, ElementType: TensorElementTypes.Float32, Shape.Count: 3 });
        var scale = manifest.Inputs.FirstOrDefault(i => i is { Name: DemandContract.ScaleInput, ElementType: TensorElementTypes.Float32, Shape.Count: 2 });
        var quantiles = manifest.Outputs.FirstOrDefault(o => o is { Name: DemandContract.QuantilesOutput, ElementType: TensorElementTypes.Float32, Shape.Count: 3 });
        if (history is null || scale is null || quantiles is null || manifest.Inputs.Count != 2)
        {
            throw new ModelLoadException(
                $"Model '{manifest.Name}': a demand model needs float32 inputs '{DemandContract.HistoryInput}' [batch, window, features] and '{DemandContract.ScaleInput}' [batch, 1] and a float32 output '{DemandContract.QuantilesOutput}' [batch, horizon, quantiles].");
        }

        var details = DemandDetails.From(manifest.Details);
        DemandFeature[] layout;
        try
        {
            layout = DemandFeatures.Resolve(details.Features);
        }
        catch (ModelContractException exception)
        {
            throw new ModelLoadException($"Model '{manifest.Name}': {exception.Message}", exception);
        }

        if (layout.Length != history.Dimension(2))
        {
            throw new ModelLoadException($"Model '{manifest.Name}': details.features lists {layout.Length} features but input '{DemandContract.HistoryInput}' has {history.Dimension(2)} per day.");
        }

        var levels = details.Quantiles.Select(q => (double)q).ToArray();
        var p50 = Array.FindIndex(levels, q => Math.Abs(q - 0.5) < 1e-6);
        var p90 = Array.FindIndex(levels, q => Math.Abs(q - 0.9) < 1e-6);
        var p10 = Array.FindIndex(levels, q => Math.Abs(q - 0.1) < 1e-6);
        var hasMean = manifest.Outputs.Any(o => o is { Name: DemandContract.MeanOutput, ElementType: TensorElementTypes.Float32, Shape.Count: 2 });
        var window = (int)history.Dimension(1);
        var horizon = (int)quantiles.Dimension(1);
        var ascending = levels.Zip(levels.Skip(1)).All(p => p.First < p.Second);
        if (p50 < 0 || p90 < 0 || !ascending || levels.Length != quantiles.Dimension(2) || window <= 0 || horizon <= 0)
        {
            throw new ModelLoadException(
                $"Model '{manifest.Name}': details.quantiles must list 0.5 and 0.9 in ascending order, one per channel of '{DemandContract.QuantilesOutput}' {quantiles.ShapeText}, with a fixed window and horizon.");
        }

        return new DemandModel(manifest, directory, session, window, horizon, levels.Length, p10, p50, p90, hasMean, layout);
    }

    private static (double ModelWeight, double QuantileScale) BlendOf(ModelManifest manifest)
    {
        var blend = manifest.Metrics?["servedBlend"];
        var weight = blend?["modelWeight"]?.GetValue<double>() ?? 1;
        var scale = blend?["quantileScale"]?.GetValue<double>() ?? 1;
        if (weight is < 0 or > 1 || scale is <= 0 or > 10)
        {
            throw new ModelLoadException($"Model '{manifest.Name}': metrics.servedBlend needs modelWeight in [0, 1] and quantileScale in (0, 10]; got {weight} and {scale}.");
        }

        return (weight, scale);
    }
}
