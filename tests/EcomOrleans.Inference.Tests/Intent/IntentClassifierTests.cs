using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Intent;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Tests.Intent;

public sealed class IntentClassifierTests : IDisposable
{
    private readonly TestModels _models = TestModels.Copy(ModelKinds.Intent);
    private readonly ModelRegistry _registry;

    public IntentClassifierTests()
    {
        _registry = TestModels.Registry(_models.ModelsPath);
        _registry.LoadAll();
    }

    [Fact]
    public async Task ClassifyAsync_ConcurrentMessages_EachMatchesItsOwnBatchOfOneRun()
    {
        using var classifier = new IntentClassifier(_registry, Options.Create(new InferenceOptions { Intent = new BatcherOptions { MaxBatchSize = 8 } }),
            TimeProvider.System, NullLogger<IntentClassifier>.Instance);
        string[] messages =
        [
            "where is my order", "I want a refund for the broken blender", "how do I change my shipping address?",
            "cancel it", "talk to a human please", "", "what payment methods do you accept", "my invoice is wrong and I am very unhappy with the service today",
        ];

        var tasks = new Task<IntentPrediction>[messages.Length * 4];
        Parallel.For(0, tasks.Length, i => tasks[i] = classifier.ClassifyAsync(messages[i % messages.Length], InferencePriority.Bot));
        var batched = await Task.WhenAll(tasks);

        using var lease = _registry.Acquire<IntentModel>(ModelKinds.Intent);
        for (var i = 0; i < tasks.Length; i++)
        {
            var alone = IntentClassifier.Classify(lease.Model, [messages[i % messages.Length]])[0];
            Assert.Equal(alone.Intents.Select(s => s.Intent).Take(3), batched[i].Intents.Select(s => s.Intent).Take(3));
            Assert.Equal(alone.Intents[0].Probability, batched[i].Intents[0].Probability, 1e-5f);
        }
    }

    [Fact]
    public void Classify_AMessage_GivesEveryLabelOnceWithBitextCategoriesAndProbabilitiesSummingToOne()
    {
        using var lease = _registry.Acquire<IntentModel>(ModelKinds.Intent);

        var prediction = IntentClassifier.Classify(lease.Model, ["I need to get a refund"])[0];

        Assert.Equal(27, prediction.Intents.Count);
        Assert.Equal(lease.Model.Labels.Order(StringComparer.Ordinal), prediction.Intents.Select(i => i.Intent).Order(StringComparer.Ordinal));
        Assert.Equal(1f, prediction.Intents.Sum(i => i.Probability), 1e-5f);
        Assert.Equal(prediction.Intents.OrderByDescending(i => i.Probability), prediction.Intents);
        Assert.Equal("REFUNDS", prediction.Intents.Single(i => i.Intent == "get_refund").Category);
        Assert.Equal("ACCOUNT", prediction.Intents.Single(i => i.Intent == "create_account").Category);
    }

    [Fact]
    public void Encode_MessageLongerThanMaxLength_KeepsSepLast()
    {
        using var lease = _registry.Acquire<IntentModel>(ModelKinds.Intent);

        var ids = lease.Model.Encode(string.Join(' ', Enumerable.Repeat("order", 100)));

        Assert.Equal(32, ids.Length);
        Assert.Equal(lease.Model.Encode("order")[^1], ids[^1]);
    }

    public void Dispose()
    {
        _registry.Dispose();
        _models.Dispose();
    }
}
