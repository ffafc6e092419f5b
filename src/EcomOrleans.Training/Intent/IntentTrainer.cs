using System.Diagnostics;
using EcomOrleans.Training.Common;
using TorchSharp;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Intent;

/// <summary>Trains the intent classifier with AdamW and cross-entropy; validation accuracy picks the epoch kept.</summary>
internal static class IntentTrainer
{
    public static (IntentClassifier Model, LearningCurve Curve, int BestEpoch) Train(
        IReadOnlyList<LabelledUtterance> train, IReadOnlyList<LabelledUtterance> validation, IReadOnlyList<string> labels,
        IntentTokenizer tokenizer, IntentTrainingOptions options, Device device)
    {
        random.manual_seed(options.Seed);
        var model = new IntentClassifier(options.Model with { VocabularySize = tokenizer.VocabularySize, LabelCount = labels.Count, MaxLength = tokenizer.MaxLength });
        model.to(device);
        var optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: 0.01);
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        using var classWeights = ClassWeights(train, labels).to(device);
        var rng = new Random(options.Seed);
        var curve = new LearningCurve("validation accuracy");
        var order = train.ToArray();
        var steps = (order.Length + options.BatchSize - 1) / options.BatchSize;
        var best = new BestEpoch(higherIsBetter: true);
        var clock = Stopwatch.StartNew();

        TrainingProgress.Run(options.Epochs, steps, (epoch, step) =>
        {
            var started = clock.Elapsed;
            model.train();
            rng.Shuffle(order);
            var total = 0.0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                using var scope = NewDisposeScope();
                var batch = order.Skip(start).Take(options.BatchSize).ToArray();
                var loss = BatchLoss(model, tokenizer, batch, labelIndex, classWeights, device);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                step();
            }

            var accuracy = Accuracy(model, tokenizer, validation, labelIndex, device);
            curve.Add(total / steps, accuracy);
            var improved = best.Offer(epoch, accuracy, model);

            TrainingProgress.Epoch(epoch, total / steps, "val accuracy", accuracy, clock.Elapsed - started, improved);
            return clock.Elapsed.TotalMinutes < options.MaxMinutes;
        });

        best.Restore(model);

        model.eval();
        return (model, curve, best.Epoch);
    }

    /// <summary>
    /// Inverse-frequency weights n / (k n_c): every intent carries the same total weight, as in
    /// macro-F1 (the Bitext set has 36 cancel_order rows and up to 4,366 for one intent).
    /// </summary>
    public static Tensor ClassWeights(IReadOnlyList<LabelledUtterance> rows, IReadOnlyList<string> labels)
    {
        var counts = rows.GroupBy(r => r.Intent).ToDictionary(g => g.Key, g => g.Count());
        return tensor(labels.Select(l => (float)(rows.Count / (labels.Count * (double)Math.Max(1, counts.GetValueOrDefault(l))))).ToArray());
    }

    public static Tensor BatchLoss(
        IntentClassifier model, IntentTokenizer tokenizer, IReadOnlyList<LabelledUtterance> batch, IReadOnlyDictionary<string, int> labels, Tensor? classWeights, Device device)
    {
        var (ids, mask, length) = tokenizer.EncodeBatch(batch.Select(b => b.Text).ToArray());
        var logits = model.forward(tensor(ids, [batch.Count, length], device: device), tensor(mask, [batch.Count, length], device: device));
        return nn.functional.cross_entropy(logits, tensor(batch.Select(b => (long)labels[b.Intent]).ToArray(), device: device), classWeights);
    }

    private static double Accuracy(IntentClassifier model, IntentTokenizer tokenizer, IReadOnlyList<LabelledUtterance> rows, IReadOnlyDictionary<string, int> labels, Device device)
    {
        model.eval();
        using var noGrad = no_grad();
        var correct = 0;
        foreach (var batch in rows.Chunk(256))
        {
            using var scope = NewDisposeScope();
            var (ids, mask, length) = tokenizer.EncodeBatch(batch.Select(b => b.Text).ToArray());
            var predicted = model.forward(tensor(ids, [batch.Length, length], device: device), tensor(mask, [batch.Length, length], device: device))
                .argmax(1).cpu().data<long>().ToArray();
            correct += batch.Where((b, i) => labels[b.Intent] == predicted[i]).Count();
        }

        return (double)correct / rows.Count;
    }
}
