using EcomOrleans.Inference.Demand;
using EcomOrleans.Inference.Intent;
using EcomOrleans.Inference.Models;
using EcomOrleans.Inference.Sequence;
using EcomOrleans.Models;

namespace EcomOrleans.Inference.Tests.Models;

/// <summary>The reference models committed under models/ load through the registry and answer.</summary>
public sealed class CommittedModelsTests : IDisposable
{
    private static readonly string? ModelsPath = ModelRegistry.FindModelsFolder(AppContext.BaseDirectory);
    private readonly ModelRegistry _registry = TestModels.Registry(ModelsPath ?? "models");

    [SkippableFact]
    public async Task SequenceModel_Committed_EmbedsAndScoresTheCatalog()
    {
        await SwapInAsync(ModelKinds.Sequence);
        using var lease = _registry.Acquire<SequenceModel>(ModelKinds.Sequence);
        var model = lease.Model;
        string[] history = [model.Skus[1], model.Skus[2], model.Skus[3]];

        var embedding = SequenceEncoder.Encode(model, [history])[0];
        var top = CatalogScorer.Top(model, embedding.Vector, 10, history);

        Assert.Equal((model.Dim, 3), (embedding.Vector.Length, embedding.KnownItems));
        Assert.Equal(10, top.Length);
        Assert.DoesNotContain(top, t => history.Contains(t.Sku));
    }

    [SkippableFact]
    public async Task IntentModel_Committed_ClassifiesARefundRequest()
    {
        await SwapInAsync(ModelKinds.Intent);
        using var lease = _registry.Acquire<IntentModel>(ModelKinds.Intent);

        var prediction = IntentClassifier.Classify(lease.Model, ["I want a refund for my order, the item arrived broken"])[0];

        Assert.Equal(lease.Model.Labels.Count, prediction.Intents.Count);
        Assert.Equal(1f, prediction.Intents.Sum(i => i.Probability), 1e-4f);
        Assert.Contains(prediction.Intents[0].Intent, (string[])["get_refund", "track_refund", "check_refund_policy", "complaint"]);
    }

    [SkippableFact]
    public async Task DemandModel_Committed_ForecastsTheHorizon()
    {
        await SwapInAsync(ModelKinds.Demand);
        using var lease = _registry.Acquire<DemandModel>(ModelKinds.Demand);
        var history = new DemandHistory("FOODS_3_090", new DateOnly(2016, 1, 1), [.. Enumerable.Repeat(20f, 90)], [.. Enumerable.Repeat(1.5f, 90)]);

        var forecast = DemandForecaster.Forecast(lease.Model, [history])[0];

        Assert.Equal(lease.Model.Horizon, forecast.P50.Length);
        Assert.All(forecast.P50.Zip(forecast.P90), p => Assert.True(p.First >= 0 && p.Second >= p.First - 1e-3f, $"p50 {p.First}, p90 {p.Second}"));
    }

    public void Dispose() => _registry.Dispose();

    private Task SwapInAsync(string kind)
    {
        var folder = ModelsPath is null ? null : Path.Combine(ModelsPath, kind);
        Skip.If(folder is null || !File.Exists(Path.Combine(folder, ModelManifest.FileName)),
            $"models/{kind}/manifest.json is not there yet (the {kind} model is not committed); this test runs once it is.");
        return _registry.SwapAsync(folder!);
    }
}
