using EcomOrleans.Models.Demand;
using EcomOrleans.Training.Demand;
using EcomOrleans.Training.Intent;
using EcomOrleans.Training.Sequence;
using TorchSharp;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Tests;

/// <summary>A few optimiser steps on tiny synthetic data must lower each model's training loss.</summary>
public sealed class TrainingSmokeTests
{
    private const int Steps = 30;

    [Fact]
    public void SequenceTraining_FewSteps_LowersTheLoss()
    {
        random.manual_seed(1);
        using var model = new SasRecModel(new SasRecOptions(ItemCount: 20, Dim: 16, Layers: 1, Heads: 2, MaxLength: 10, Dropout: 0));
        // Users walk the catalog in steps of one: the next item is always predictable.
        var batch = Enumerable.Range(0, 32).Select(u => Enumerable.Range(0, 6).Select(i => 1 + ((u + i) % 20)).ToArray()).ToArray();

        var (first, last) = Fit(model, () => SequenceTrainer.BatchLoss(model, batch, 10, CPU));

        Assert.True(last < first * 0.7, $"loss went from {first} to {last}");
    }

    [Fact]
    public void DemandTraining_FewSteps_LowersTheLoss()
    {
        random.manual_seed(2);
        using var model = new LstmForecaster(new DemandModelOptions(Hidden: 16));
        var days = Enumerable.Range(0, 200).Select(d => (float)(3 + (2 * Math.Sin(2 * Math.PI * d / 7)))).ToArray();
        var series = new DemandSeries("s", new DateOnly(2016, 1, 1), days, Enumerable.Repeat(2f, 200).ToArray(), new float[200]);
        var (features, scales, targets) = DemandTrainer.Tensors([.. Enumerable.Range(60, 32).Select(o => (series, o))]);

        var (first, last) = Fit(model, () => DemandTrainer.Loss(model.forward(features, scales), targets, scales));

        Assert.True(last < first * 0.7, $"loss went from {first} to {last}");
    }

    [Fact]
    public void IntentTraining_FewSteps_LowersTheLoss()
    {
        random.manual_seed(3);
        var vocabulary = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(vocabulary, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "cancel", "my", "order", "track", "refund", "please"]);
            var tokenizer = new IntentTokenizer(vocabulary, 16);
            using var model = new IntentClassifier(new IntentModelOptions(tokenizer.VocabularySize, 3, Dim: 16, Layers: 1, Heads: 2, MaxLength: 16, Dropout: 0));
            LabelledUtterance[] batch =
            [
                new("cancel my order", "cancel"), new("please cancel order", "cancel"),
                new("track my order", "track"), new("track order please", "track"),
                new("refund please", "refund"), new("my refund", "refund"),
            ];
            var labels = new Dictionary<string, int> { ["cancel"] = 0, ["refund"] = 1, ["track"] = 2 };

            var (first, last) = Fit(model, () => IntentTrainer.BatchLoss(model, tokenizer, batch, labels, null, CPU));

            Assert.True(last < first * 0.7, $"loss went from {first} to {last}");
        }
        finally
        {
            File.Delete(vocabulary);
        }
    }

    private static (float First, float Last) Fit(nn.Module model, Func<Tensor> loss)
    {
        var optimizer = optim.Adam(model.parameters(), 0.01);
        var losses = new List<float>();
        for (var step = 0; step < Steps; step++)
        {
            using var scope = NewDisposeScope();
            var value = loss();
            optimizer.zero_grad();
            value.backward();
            optimizer.step();
            losses.Add(value.item<float>());
        }

        return (losses[0], losses[^1]);
    }
}
