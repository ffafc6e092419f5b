using System.Diagnostics;
using System.Runtime.InteropServices;
using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Common;
using TorchSharp;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Intent;

/// <summary>
/// Fine-tunes a <see cref="TunedIntentHead"/> (the encoder's top layers and the classifier, started from the linear
/// probe) with AdamW and class-weighted cross-entropy: the layers at a low rate, the classifier at a higher one, a few
/// epochs. The epoch kept is the one with the lowest validation loss (validation macro-F1 is at 0.999 from the start,
/// so it cannot tell epochs apart).
/// </summary>
internal static class IntentHeadTuner
{
    /// <summary>Messages of similar length batched together, in pools of this many batches, so little is padding.</summary>
    private const int PoolBatches = 50;

    /// <param name="Mix">
    /// The share of the fine-tuned weights in the weights kept, the rest the start's (weight-space ensembling, WiSE-FT:
    /// Wortsman et al., 2022): 1 keeps the fine-tuned model, 0.5 the midpoint, which keeps more of what the
    /// pre-trained encoder knew about text unlike the training rows.
    /// </param>
    public sealed record Options(int Epochs = 3, int BatchSize = 32, double LayerLearningRate = 3e-5, double ClassifierLearningRate = 1e-3, double WeightDecay = 0.01, int Seed = 42, double Mix = 1.0);

    /// <summary>Rows of a tuned head's input: each message's layer output, [tokens, 384] row-major, and its label.</summary>
    public sealed record Rows(float[][] States, long[] Labels);

    public static (LearningCurve Curve, int BestEpoch, double BestLoss) Train(TunedIntentHead head, Rows train, Rows validation, Options options, Device device)
    {
        random.manual_seed(options.Seed);
        head.to(device);
        var labels = head.Labels;
        using var layerOptimizer = optim.AdamW(head.LayerParameters(), options.LayerLearningRate, weight_decay: options.WeightDecay);
        using var classifierOptimizer = optim.AdamW(head.ClassifierParameters(), options.ClassifierLearningRate, weight_decay: options.WeightDecay);
        var counts = new int[labels];
        foreach (var label in train.Labels)
        {
            counts[label]++;
        }

        using var weights = ClassWeights(counts, train.Labels.Length, device);
        var rng = new Random(options.Seed);
        var steps = (train.Labels.Length + options.BatchSize - 1) / options.BatchSize;
        var curve = new LearningCurve("validation loss");
        var best = new BestEpoch(higherIsBetter: false);
        var clock = Stopwatch.StartNew();
        Tensor[] start;
        using (no_grad())
        {
            start = [.. head.parameters().Select(p => p.clone())];
        }

        var before = Loss(head, validation, weights, device);
        TrainingProgress.Epoch(0, double.NaN, "val loss", before, TimeSpan.Zero, best.Offer(0, before, head));

        TrainingProgress.Run(options.Epochs, steps, (epoch, step) =>
        {
            var started = clock.Elapsed;
            head.train();
            var total = 0.0;
            var batches = 0;
            foreach (var batch in Batches(train.States, options.BatchSize, rng))
            {
                using var scope = NewDisposeScope();
                var (x, present) = Pad(train.States, batch, device);
                using var y = tensor(batch.Select(i => train.Labels[i]).ToArray()).to(device);
                var loss = nn.functional.cross_entropy(head.forward(x, present), y, weights);
                layerOptimizer.zero_grad();
                classifierOptimizer.zero_grad();
                loss.backward();
                layerOptimizer.step();
                classifierOptimizer.step();
                total += loss.item<float>();
                batches++;
                step();
            }

            var validationLoss = Loss(head, validation, weights, device);
            curve.Add(total / batches, validationLoss);
            var improved = best.Offer(epoch, validationLoss, head);
            TrainingProgress.Epoch(epoch, total / batches, "val loss", validationLoss, clock.Elapsed - started, improved);
            return true;
        });

        best.Restore(head);
        using (no_grad())
        using (NewDisposeScope())
        {
            foreach (var (parameter, initial) in head.parameters().Zip(start))
            {
                parameter.mul_(options.Mix).add_(initial.mul(1 - options.Mix));
                initial.Dispose();
            }
        }

        head.eval();
        return (curve, best.Epoch, best.Score);
    }

    /// <summary>Inverse frequency: every intent carries the same total weight, as in macro-F1.</summary>
    private static Tensor ClassWeights(int[] counts, int rows, Device device)
    {
        using var scope = NewDisposeScope();
        return tensor(counts.Select(c => (float)(rows / (counts.Length * (double)Math.Max(1, c)))).ToArray()).to(device).MoveToOuterDisposeScope();
    }

    /// <summary>The head's probabilities for each row, [rows][labels].</summary>
    public static float[][] Probabilities(TunedIntentHead head, float[][] states, Device device)
    {
        head.eval();
        using var noGrad = no_grad();
        var result = new float[states.Length][];
        foreach (var batch in Batches(states, 128, random: null))
        {
            using var scope = NewDisposeScope();
            var (x, present) = Pad(states, batch, device);
            var p = nn.functional.softmax(head.forward(x, present), 1).cpu().data<float>().ToArray();
            for (var r = 0; r < batch.Length; r++)
            {
                result[batch[r]] = p.AsSpan(r * head.Labels, head.Labels).ToArray();
            }
        }

        return result;
    }

    /// <summary>The pooled, unit-length embeddings the head's classifier reads, row-major [rows, 384].</summary>
    public static float[] Pooled(TunedIntentHead head, float[][] states, Device device)
    {
        head.eval();
        using var noGrad = no_grad();
        const int dimension = SentenceEncoderContract.Dimension;
        var result = new float[states.Length * dimension];
        foreach (var batch in Batches(states, 128, random: null))
        {
            using var scope = NewDisposeScope();
            var (x, present) = Pad(states, batch, device);
            var pooled = head.Pool(x, present).cpu().data<float>().ToArray();
            for (var r = 0; r < batch.Length; r++)
            {
                pooled.AsSpan(r * dimension, dimension).CopyTo(result.AsSpan(batch[r] * dimension));
            }
        }

        return result;
    }

    /// <summary>Right-pads the rows' states to the longest: [rows, length, 384] and the mask [rows, length].</summary>
    public static (Tensor States, Tensor Present) Pad(float[][] states, int[] rows, Device device)
    {
        const int dimension = SentenceEncoderContract.Dimension;
        var length = rows.Max(r => states[r].Length / dimension);
        var x = new float[rows.Length * length * dimension];
        var present = new float[rows.Length * length];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = states[rows[r]];
            row.CopyTo(x.AsSpan(r * length * dimension));
            present.AsSpan(r * length, row.Length / dimension).Fill(1f);
        }

        return (tensor(x, [rows.Length, length, dimension]).to(device), tensor(present, [rows.Length, length]).to(device));
    }

    private static double Loss(TunedIntentHead head, Rows rows, Tensor weights, Device device)
    {
        head.eval();
        using var noGrad = no_grad();
        var total = 0.0;
        var weight = 0.0;
        foreach (var batch in Batches(rows.States, 128, random: null))
        {
            using var scope = NewDisposeScope();
            var (x, present) = Pad(rows.States, batch, device);
            var y = tensor(batch.Select(i => rows.Labels[i]).ToArray()).to(device);
            // Weighted mean over the batch, summed back: the loss over all rows with the training's class weights.
            var w = weights.index_select(0, y).sum().item<float>();
            total += nn.functional.cross_entropy(head.forward(x, present), y, weights).item<float>() * w;
            weight += w;
        }

        return total / weight;
    }

    /// <summary>
    /// Row indices in batches: shuffled (when <paramref name="random"/> is given), then sorted by length within pools of
    /// <see cref="PoolBatches"/> batches, the batches themselves in random order.
    /// </summary>
    private static IEnumerable<int[]> Batches(float[][] states, int batchSize, Random? random)
    {
        var order = Enumerable.Range(0, states.Length).ToArray();
        random?.Shuffle(order);
        var pool = batchSize * PoolBatches;
        var batches = new List<int[]>();
        for (var start = 0; start < order.Length; start += pool)
        {
            var sorted = order.AsSpan(start, Math.Min(pool, order.Length - start)).ToArray().OrderBy(i => states[i].Length).ToArray();
            for (var b = 0; b < sorted.Length; b += batchSize)
            {
                batches.Add(sorted.AsSpan(b, Math.Min(batchSize, sorted.Length - b)).ToArray());
            }
        }

        if (random is not null)
        {
            random.Shuffle(CollectionsMarshal.AsSpan(batches));
        }

        return batches;
    }
}
