using System.Text.Json.Nodes;
using EcomOrleans.Inference;
using EcomOrleans.Inference.Hosting;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using EcomOrleans.Models.Demand;
using EcomOrleans.Training.Demand;
using EcomOrleans.Training.Intent;
using EcomOrleans.Training.Sequence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServingDemandModel = EcomOrleans.Inference.Demand.DemandModel;
using ServingIntentModel = EcomOrleans.Inference.Intent.IntentModel;
using ServingSequenceModel = EcomOrleans.Inference.Sequence.SequenceModel;

namespace EcomOrleans.Training.Tests.Models;

/// <summary>
/// A manifest written by the training tool's writers loads through the serving side's registry: the
/// shape training writes is the shape serving reads. Each test writes a fresh manifest beside a copy
/// of the committed model's files, so no retraining is needed.
/// </summary>
public sealed class ManifestRoundTripTests : IDisposable
{
    private static readonly TrainingData Data = new("round-trip.csv", new string('0', 64), new JsonObject { ["kind"] = "none" });
    private readonly string _models = Path.Combine(Path.GetTempPath(), "ecom-round-trip", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task DemandManifest_WrittenByTheTrainer_LoadsInServingWithTheTrainersFeatureLayout()
    {
        var folder = CopyCommitted(ModelKinds.Demand, [ModelFileNames.Onnx]);
        DemandModelFiles.Manifest("lstm-round-trip", "7", "train demand", Data, [], []).Save(folder);
        using var registry = Registry();

        await registry.SwapAsync(folder);

        using var lease = registry.Acquire<ServingDemandModel>(ModelKinds.Demand);
        Assert.Equal(DemandFeatures.Layout, lease.Model.Layout);
        Assert.Equal((DemandModelShape.Window, DemandModelShape.Horizon, "7"), (lease.Model.Window, lease.Model.Horizon, lease.Model.Version));
        Assert.Equal((LstmForecaster.Quantiles.Length, 1, 2), (lease.Model.QuantileCount, lease.Model.P50Index, lease.Model.P90Index));
    }

    [Fact]
    public async Task IntentManifest_WrittenByTheTrainer_LoadsInServingWithItsLabels()
    {
        var folder = CopyCommitted(ModelKinds.Intent, [ModelFileNames.Onnx, ModelFileNames.Vocabulary, ModelFileNames.Labels], Path.Combine(ModelKinds.Intent, "bert-small"));
        var labels = IntentModelFiles.ReadLabels(folder);
        var options = new IntentModelOptions(File.ReadLines(Path.Combine(folder, ModelFileNames.Vocabulary)).Count(), labels.Count);
        IntentModelFiles.Manifest("intent-round-trip", "7", options, "train intent", Data, [], []).Save(folder);
        using var registry = Registry();

        await registry.SwapAsync(folder);

        using var lease = registry.Acquire<ServingIntentModel>(ModelKinds.Intent);
        Assert.Equal(labels, lease.Model.Labels);
        Assert.Equal((options.MaxLength, "7"), (lease.Model.MaxLength, lease.Model.Version));
    }

    [Fact]
    public async Task SequenceManifest_WrittenByTheTrainer_LoadsInServingWithItsItemTable()
    {
        var folder = CopyCommitted(ModelKinds.Sequence, [ModelFileNames.Onnx, ModelFileNames.ItemEmbeddings, ModelFileNames.ItemSkus]);
        var skus = File.ReadAllLines(Path.Combine(folder, ModelFileNames.ItemSkus));
        var dim = SequenceModelFiles.ReadItemTable(folder).Length / skus.Length;
        var options = new SasRecOptions(skus.Length - 1, dim);
        SequenceModelFiles.Manifest("sasrec-round-trip", "7", options, "train sequence", Data, [], []).Save(folder);
        using var registry = Registry();

        await registry.SwapAsync(folder);

        using var lease = registry.Acquire<ServingSequenceModel>(ModelKinds.Sequence);
        Assert.Equal((dim, skus.Length - 1, options.MaxLength, "7"), (lease.Model.Dim, lease.Model.ItemCount, lease.Model.MaxLength, lease.Model.Version));
        Assert.Equal(skus[17], lease.Model.Skus[17]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_models))
        {
            Directory.Delete(_models, recursive: true);
        }
    }

    private ModelRegistry Registry() =>
        new(Options.Create(new InferenceOptions { ModelsPath = _models }), InferenceModelKinds.All, NullLogger<ModelRegistry>.Instance);

    /// <summary>Copies <paramref name="files"/> of the committed model in <c>models/{source}</c> (default: the kind's folder) to a folder of the kind.</summary>
    private string CopyCommitted(string kind, string[] files, string? source = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_models, kind)).FullName;
        foreach (var file in files)
        {
            File.Copy(Path.Combine(TestPaths.Models, source ?? kind, file), Path.Combine(folder, file));
        }

        return folder;
    }
}
