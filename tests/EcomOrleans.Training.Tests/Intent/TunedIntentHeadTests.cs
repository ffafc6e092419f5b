using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using EcomOrleans.Inference;
using EcomOrleans.Inference.Hosting;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Intent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static TorchSharp.torch;
using ServingIntentClassifier = EcomOrleans.Inference.Intent.IntentClassifier;
using ServingIntentModel = EcomOrleans.Inference.Intent.IntentModel;

namespace EcomOrleans.Training.Tests.Intent;

/// <summary>
/// The intent head that carries all-MiniLM-L6-v2's top layers (<c>train intent-encoder --tune-layers</c>): its layers
/// read from the package's ONNX file compute what the package computes, its export computes what TorchSharp does,
/// and serving answers what training does.
/// </summary>
public sealed class TunedIntentHeadTests : IDisposable
{
    private static readonly string[] Messages = ["where is my parcel", "I want to cancel the order I placed yesterday, please", "refund"];

    /// <summary>The package's encoder and the messages' layer-4 outputs, read once for the tests that need them.</summary>
    private static readonly Lazy<(byte[] Model, string Sha256, float[][] States, float[] Pooled)> AtLayer4 = new(() =>
    {
        using var encoder = new MiniLmEncoder(threads: 1, inputLayer: 4);
        var (states, pooled) = encoder.EncodeStates(Messages);
        return (encoder.ModelBytes, encoder.ModelSha256, states, pooled);
    });

    private readonly string _models = Path.Combine(Path.GetTempPath(), "ecom-tuned-head", Guid.NewGuid().ToString("n"));

    [Theory]
    [InlineData(4)]
    [InlineData(3)]
    public void LoadLayers_TheEncodersOwnTopLayers_ReproduceItsEmbeddingWithin1e5(int inputLayer)
    {
        using var encoder = new MiniLmEncoder(threads: 1, inputLayer);
        var (states, pooled) = encoder.EncodeStates(Messages);
        using var head = new TunedIntentHead(labels: 3, inputLayer, dropout: 0);

        head.LoadLayers(encoder.ModelBytes);

        TestInputs.AssertClose(pooled, IntentHeadTuner.Pooled(head, states, CPU), 1e-5f);
    }

    [Fact]
    public void LoadLayers_NotLoaded_DoNotReproduceTheEmbedding()
    {
        // The control for the test above: a head with freshly initialised layers is far from the package's embedding.
        var (_, _, states, pooled) = AtLayer4.Value;
        random.manual_seed(3);
        using var head = new TunedIntentHead(labels: 3, inputLayer: 4, dropout: 0);

        var worst = pooled.Zip(IntentHeadTuner.Pooled(head, states, CPU), (a, b) => Math.Abs(a - b)).Max();

        Assert.True(worst > 0.05f, $"largest difference {worst}");
    }

    [Fact]
    public void ExportOnnx_PaddedBatch_MatchesTorchSharpWithin1e4()
    {
        var (model, _, states, _) = AtLayer4.Value;
        random.manual_seed(7);
        using var head = new TunedIntentHead(labels: 5, inputLayer: 4, dropout: 0);
        head.LoadLayers(model);
        var expected = IntentHeadTuner.Probabilities(head, states, CPU);

        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(head.ExportOnnx(new Dictionary<string, string>(), 1).ToByteArray());
        var logits = TunedIntentHead.Logits(session, states);

        for (var row = 0; row < Messages.Length; row++)
        {
            var actual = new float[5];
            TensorPrimitives.SoftMax(logits[row], actual);
            TestInputs.AssertClose(expected[row], actual, 1e-4f);
        }
    }

    [Fact]
    public async Task Served_ThroughTheRegistry_AnswersWhatTrainingComputes()
    {
        var (model, sha256, states, _) = AtLayer4.Value;
        random.manual_seed(9);
        using var head = new TunedIntentHead(labels: 3, inputLayer: 4, dropout: 0);
        head.LoadLayers(model);
        var expected = IntentHeadTuner.Probabilities(head, states, CPU);
        string[] labels = ["get_refund", "track_order", "cancel_order"];
        var folder = Write(head, sha256, labels, inputLayer: 4);
        using var registry = new ModelRegistry(Options.Create(new InferenceOptions { ModelsPath = _models }), InferenceModelKinds.All, NullLogger<ModelRegistry>.Instance);

        await registry.SwapAsync(folder);
        using var lease = registry.Acquire<ServingIntentModel>(ModelKinds.Intent);
        var predictions = ServingIntentClassifier.Classify(lease.Model, Messages);

        for (var row = 0; row < Messages.Length; row++)
        {
            var served = labels.Select(l => predictions[row].Intents.Single(i => i.Intent == l).Probability).ToArray();
            TestInputs.AssertClose(expected[row], served, 1e-4f);
        }
    }

    [Theory]
    [InlineData("5", "Model 'tuned-test': details.encoder.inputLayer must be a layer from 0 to 4 (the head carries the layers above it); it is 5.")]
    [InlineData("\"four\"", "Model 'tuned-test': details.encoder.inputLayer must be a layer from 0 to 4 (the head carries the layers above it); it is \"four\".")]
    public async Task Served_ManifestNamingNoLayerBelowTheTop_IsRefusedNamingTheKey(string layer, string message)
    {
        using var head = new TunedIntentHead(labels: 3, inputLayer: 4, dropout: 0);
        var folder = Write(head, AtLayer4.Value.Sha256, ["a", "b", "c"], inputLayer: null);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
        manifest["details"]!["encoder"]!["inputLayer"] = JsonNode.Parse(layer);
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());
        using var registry = new ModelRegistry(Options.Create(new InferenceOptions { ModelsPath = _models }), InferenceModelKinds.All, NullLogger<ModelRegistry>.Instance);

        var error = await Assert.ThrowsAsync<ModelLoadException>(() => registry.SwapAsync(folder));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Served_ManifestWithoutTheEncoderLayer_IsRefusedNamingTheKey()
    {
        using var head = new TunedIntentHead(labels: 3, inputLayer: 4, dropout: 0);
        var folder = Write(head, AtLayer4.Value.Sha256, ["a", "b", "c"], inputLayer: null);
        using var registry = new ModelRegistry(Options.Create(new InferenceOptions { ModelsPath = _models }), InferenceModelKinds.All, NullLogger<ModelRegistry>.Instance);

        var error = await Assert.ThrowsAsync<ModelLoadException>(() => registry.SwapAsync(folder));

        Assert.Equal("Model 'tuned-test' takes 'hidden' but its manifest names no encoder layer (details.encoder.inputLayer).", error.Message);
    }

    [Fact]
    public void LayerOutput_ALayerTheEncoderDoesNotHave_IsRefusedNamingIt()
    {
        var error = Assert.Throws<ModelContractException>(() => EncoderGraph.LayerOutput(AtLayer4.Value.Model, 6));

        Assert.Equal("The encoder has no layer 6: no Add node reads 'encoder.layer.6.output.LayerNorm.bias'.", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_models))
        {
            Directory.Delete(_models, recursive: true);
        }
    }

    private string Write(TunedIntentHead head, string encoderSha256, string[] labels, int? inputLayer)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_models, ModelKinds.Intent)).FullName;
        File.WriteAllBytes(Path.Combine(folder, ModelFileNames.Onnx), head.ExportOnnx(new Dictionary<string, string>(), 1).ToByteArray());
        IntentLabels.Write(Path.Combine(folder, ModelFileNames.Labels), labels);
        var encoderDetail = new JsonObject { ["package"] = SentenceEncoderContract.Package, ["sha256"] = encoderSha256 };
        if (inputLayer is { } layer)
        {
            encoderDetail[SentenceEncoderContract.InputLayerDetail] = layer;
        }

        new ModelManifest
        {
            Name = "tuned-test",
            Version = "3",
            Kind = ModelKinds.Intent,
            Inputs =
            [
                new TensorSpec(SentenceEncoderContract.Hidden, TensorElementTypes.Float32, ["batch", "sequence", SentenceEncoderContract.Dimension], "layer output"),
                new TensorSpec(SentenceEncoderContract.AttentionMask, TensorElementTypes.Int64, ["batch", "sequence"], "mask"),
            ],
            Outputs = [new TensorSpec(IntentContract.Logits, TensorElementTypes.Float32, ["batch", labels.Length], "logits")],
            Files = [new ModelFile(ModelFileRoles.Labels, ModelFileNames.Labels, "JSON array of intent names", [labels.Length])],
            Details = new JsonObject { [SentenceEncoderContract.EncoderDetail] = encoderDetail },
        }.Save(folder);
        return folder;
    }
}
