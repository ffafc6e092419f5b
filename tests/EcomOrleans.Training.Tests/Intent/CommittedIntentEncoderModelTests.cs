using EcomOrleans.Models;
using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Intent;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Training.Tests.Intent;

/// <summary>The committed intent head (<c>models/intent</c>, the served one) behind the encoder its manifest names.</summary>
public sealed class CommittedIntentEncoderModelTests
{
    private static string Directory => Path.Combine(TestPaths.Models, "intent");

    [Fact]
    public void Manifest_NamesTheEncoderThePackageCarries_ByItsSha256()
    {
        var manifest = ModelManifest.Load(Directory);
        using var encoder = new MiniLmEncoder(threads: 1);

        Assert.Equal(ModelKinds.Intent, manifest.Kind);
        Assert.Equal(SentenceEncoderContract.Embedding, Assert.Single(manifest.Inputs).Name);
        Assert.Equal(encoder.ModelSha256, (string)manifest.Details[SentenceEncoderContract.EncoderDetail]!["sha256"]!);
    }

    [SkippableFact]
    public void HeldOutByOpening_Reevaluated_ReproducesTheManifestsFigures()
    {
        var data = TestPaths.RequireData("intents/bitext-20k.csv");
        var manifest = ModelManifest.Load(Directory);

        var (rows, scope) = IntentModelFiles.EvaluationRows(manifest, data);
        var metrics = IntentModelFiles.Evaluate(Directory, rows, out _);

        var heldOut = manifest.Metrics["heldOutByOpening"]!;
        Assert.Equal("held out by opening (0.2 of the openings)", scope);
        Assert.Equal(heldOut["rows"]!.GetValue<int>(), rows.Count);
        Assert.Equal(heldOut["accuracy"]!.GetValue<double>(), Math.Round(metrics.Accuracy, 4), 6);
        Assert.Equal(heldOut["macroF1"]!.GetValue<double>(), Math.Round(metrics.MacroF1, 4), 6);
    }

    [Theory]
    [InlineData("i want a refund for the broken serum", "get_refund")]
    [InlineData("where is my package, it was due yesterday", "track_order")]
    [InlineData("I want to cancel my order", "cancel_order")]
    [InlineData("how do i change the address my parcel goes to", "change_shipping_address")]
    [InlineData("can I talk to a real person please", "contact_human_agent")]
    [InlineData("I need help to buy several items", "place_order")] // the example of the held-out release's wording
    [InlineData("cancle my ordr pls", "cancel_order")]
    [InlineData("wheres my pakage", "track_order")]
    public void RealUtterance_EncodedAndScored_IsItsIntent(string message, string intent)
    {
        using var encoder = new MiniLmEncoder(threads: 1);
        var labels = IntentLabels.Read(Path.Combine(Directory, ModelFileNames.Labels));
        using var session = new InferenceSession(Path.Combine(Directory, ModelFileNames.Onnx));
        var normalizer = MessageNormalizer.ForModel(ModelManifest.Load(Directory), Directory, () => encoder.VocabularyTokens);
        var embedding = encoder.Encode([normalizer?.Normalize(message) ?? message]);

        using var input = OrtValue.CreateTensorValueFromMemory(embedding, [1, SentenceEncoderContract.Dimension]);
        using var outputs = session.Run(new RunOptions(), [SentenceEncoderContract.Embedding], [input], [IntentContract.Logits]);
        var logits = outputs[0].GetTensorDataAsSpan<float>().ToArray();

        Assert.Equal(intent, labels[Array.IndexOf(logits, logits.Max())]);
    }
}
