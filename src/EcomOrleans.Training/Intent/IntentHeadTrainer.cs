using System.Diagnostics;
using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Common;
using TorchSharp;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Intent;

/// <summary>
/// Trains the <see cref="IntentHead"/> on pooled encoder embeddings with AdamW and class-weighted cross-entropy;
/// validation macro-F1 picks the epoch kept.
/// </summary>
internal static class IntentHeadTrainer
{
    /// <param name="Hidden">Width of the head's hidden layer; 0 (the default) trains the linear head.</param>
    /// <param name="OutlierWeight">
    /// The weight of the outlier-exposure term (Hendrycks et al., 2019): the cross-entropy of the head's answer on
    /// out-of-scope messages against the uniform distribution, so that its top probability on such text falls under
    /// the fallback threshold. Their paper's 0.5.
    /// </param>
    public sealed record Options(int Epochs = 60, int BatchSize = 256, double LearningRate = 3e-3, double WeightDecay = 1e-4, int Seed = 42, int Hidden = 0, double OutlierWeight = 0.5, double LabelSmoothing = 0);

    /// <param name="train">Row-major embeddings [rows, 384] and their label index.</param>
    /// <param name="outliers">Row-major embeddings of out-of-scope messages (none: no outlier-exposure term).</param>
    public static (IntentHead Head, LearningCurve Curve, int BestEpoch, double BestMacroF1) Train(
        (float[] X, long[] Y) train, (float[] X, long[] Y) validation, int labels, Options options, Device device, float[]? outliers = null)
    {
        random.manual_seed(options.Seed);
        const int dimension = SentenceEncoderContract.Dimension;
        var head = new IntentHead(labels, options.Hidden);
        head.to(device);
        var optimizer = optim.AdamW(head.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var counts = new int[labels];
        foreach (var label in train.Y)
        {
            counts[label]++;
        }

        // Inverse frequency: every intent carries the same total weight, as in macro-F1 (36 cancel_order rows against
        // 4,366 payment_issue ones).
        using var weights = tensor(counts.Select(c => (float)(train.Y.Length / (labels * (double)Math.Max(1, c)))).ToArray()).to(device);
        using var x = tensor(train.X, [train.Y.Length, dimension]).to(device);
        using var y = tensor(train.Y).to(device);
        var outlierRows = (outliers?.Length ?? 0) / dimension;
        using var outlierX = outlierRows == 0 ? null : tensor(outliers!, [outlierRows, dimension]).to(device);
        // Each batch carries a quarter as many outliers as messages, drawn at random.
        var outlierBatch = Math.Min(outlierRows, Math.Max(1, options.BatchSize / 4));
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, train.Y.Length).ToArray();
        var steps = (order.Length + options.BatchSize - 1) / options.BatchSize;
        var curve = new LearningCurve("validation macro-F1");
        var best = new BestEpoch(higherIsBetter: true);
        var clock = Stopwatch.StartNew();

        TrainingProgress.Run(options.Epochs, steps, (epoch, step) =>
        {
            var started = clock.Elapsed;
            head.train();
            rng.Shuffle(order);
            var total = 0.0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                using var scope = NewDisposeScope();
                using var index = tensor(order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)).ToArray().Select(i => (long)i).ToArray()).to(device);
                var loss = nn.functional.cross_entropy(head.forward(x.index_select(0, index)), y.index_select(0, index), weights, label_smoothing: options.LabelSmoothing);
                if (outlierX is not null)
                {
                    using var drawn = tensor(Enumerable.Range(0, outlierBatch).Select(_ => (long)rng.Next(outlierRows)).ToArray()).to(device);
                    var uniform = nn.functional.log_softmax(head.forward(outlierX.index_select(0, drawn)), 1).mean([1]).mean().neg();
                    loss = loss.add(uniform.mul(options.OutlierWeight));
                }

                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                step();
            }

            var macroF1 = Score(head, validation, labels, device).MacroF1;
            curve.Add(total / steps, macroF1);
            var improved = best.Offer(epoch, macroF1, head);

            TrainingProgress.Epoch(epoch, total / steps, "val macro-F1", macroF1, clock.Elapsed - started, improved);
            return true;
        });

        best.Restore(head);

        head.eval();
        return (head, curve, best.Epoch, best.Score);
    }

    /// <summary>
    /// Sets <paramref name="into"/>'s weights and bias to the mean of its own and <paramref name="others"/>': for linear
    /// heads the averaged head's logits are exactly the mean of theirs, so an ensemble of linear heads is served as
    /// one layer.
    /// </summary>
    /// <exception cref="ArgumentException">A head has a hidden layer (averaging its weights would not average its logits).</exception>
    public static void Average(IntentHead into, IReadOnlyList<IntentHead> others)
    {
        if (into.Hidden > 0 || others.Any(o => o.Hidden > 0))
        {
            throw new ArgumentException("Only linear heads (no hidden layer) can be averaged into one.", nameof(others));
        }

        using var noGrad = no_grad();
        var count = others.Count + 1;
        into.Classifier.weight!.copy_(others.Aggregate(into.Classifier.weight!.clone(), (sum, o) => sum.add_(o.Classifier.weight!)).div_(count));
        into.Classifier.bias!.copy_(others.Aggregate(into.Classifier.bias!.clone(), (sum, o) => sum.add_(o.Classifier.bias!)).div_(count));
    }

    /// <summary>The head's probabilities for row-major embeddings, [rows][labels].</summary>
    public static float[][] Probabilities(IntentHead head, float[] embeddings, Device device)
    {
        head.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var rows = embeddings.Length / SentenceEncoderContract.Dimension;
        var p = nn.functional.softmax(head.forward(tensor(embeddings, [rows, SentenceEncoderContract.Dimension]).to(device)), 1).cpu().data<float>().ToArray();
        return [.. Enumerable.Range(0, rows).Select(r => p.AsSpan(r * head.Labels, head.Labels).ToArray())];
    }

    public static ClassificationMetrics Score(IntentHead head, (float[] X, long[] Y) rows, int labels, Device device)
    {
        var predicted = Probabilities(head, rows.X, device).Select(p => Array.IndexOf(p, p.Max())).ToArray();
        return ClassificationMetrics.Compute([.. rows.Y.Select(v => (int)v)], predicted, labels);
    }
}
