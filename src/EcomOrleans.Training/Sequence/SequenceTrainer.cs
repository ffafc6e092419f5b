using System.Diagnostics;
using EcomOrleans.Training.Common;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Sequence;

/// <summary>
/// Trains SASRec with full cross-entropy over the catalog at every position (the "SASRec+CE"
/// recipe of Klenitskiy and Vasilev, RecSys 2023) on each user's history without its last two
/// items; validation NDCG@10 (full ranking) on the second-to-last item picks the epoch kept.
/// With <see cref="SequenceTrainingOptions.Refit"/>, a fresh model is then trained from the same
/// seed for that many epochs on each history without only its last (test) item;
/// <see cref="SequenceTrainingOptions.RefitEpochs"/> skips the validated run and trains that way
/// for an epoch count an earlier validated run chose.
/// </summary>
internal static class SequenceTrainer
{
    public static (SasRecModel Model, LearningCurve Curve, int BestEpoch) Train(SequenceDataset data, SequenceTrainingOptions options, Device device)
    {
        if (options.RefitEpochs is { } known)
        {
            AnsiConsole.MarkupLineInterpolated($"refit only: {known} epoch(s) from seed {options.Seed} on every item but each user's last, no validation");
            var refitCurve = new LearningCurve("validation NDCG@10 (full)");
            return (Refit(data, options, known, device, refitCurve), refitCurve, known);
        }

        var (model, curve, bestEpoch) = Select(data, options, device);
        if (!options.Refit)
        {
            return (model, curve, bestEpoch);
        }

        model.Dispose();
        AnsiConsole.MarkupLineInterpolated($"refit: {bestEpoch} epoch(s) from seed {options.Seed} on every item but each user's last");
        return (Refit(data, options, bestEpoch, device, null), curve, bestEpoch);
    }

    /// <summary>Trains on each history without its last two items until validation NDCG@10 stops improving; keeps the best epoch.</summary>
    private static (SasRecModel Model, LearningCurve Curve, int BestEpoch) Select(SequenceDataset data, SequenceTrainingOptions options, Device device)
    {
        var (model, optimizer, rng) = Start(data, options, device);
        var train = data.Sequences.Where(s => s.Length > 3).Select(s => s[..^2]).ToArray();
        var curve = new LearningCurve("validation NDCG@10 (full)");
        var best = new BestEpoch(higherIsBetter: true);
        var clock = Stopwatch.StartNew();

        TrainingProgress.Run(options.Epochs, StepsPerEpoch(train, options), (epoch, step) =>
        {
            var started = clock.Elapsed;
            var loss = RunEpoch(model, optimizer, train, options, rng, device, step);
            var ndcg = Validate(model, data, options, device);
            curve.Add(loss, ndcg);
            var improved = best.Offer(epoch, ndcg, model);

            TrainingProgress.Epoch(epoch, loss, "val NDCG@10", ndcg, clock.Elapsed - started, improved);
            var outOfTime = clock.Elapsed.TotalMinutes > options.MaxMinutes;
            return epoch - best.Epoch < options.Patience && !outOfTime;
        });

        best.Restore(model);

        model.eval();
        return (model, curve, best.Epoch);
    }

    /// <summary>
    /// A fresh model from the same seed, trained for <paramref name="epochs"/> epochs on each history
    /// without only its last item: the validation item becomes one more training target, the test
    /// item is still never seen.
    /// </summary>
    /// <param name="curve">Gets each epoch's loss when given (validation cannot be scored: its items are training targets here).</param>
    private static SasRecModel Refit(SequenceDataset data, SequenceTrainingOptions options, int epochs, Device device, LearningCurve? curve)
    {
        var (model, optimizer, rng) = Start(data, options, device);
        var train = data.Sequences.Where(s => s.Length > 2).Select(s => s[..^1]).ToArray();
        var clock = Stopwatch.StartNew();
        TrainingProgress.Run(epochs, StepsPerEpoch(train, options), (epoch, step) =>
        {
            var started = clock.Elapsed;
            var loss = RunEpoch(model, optimizer, train, options, rng, device, step);
            curve?.Add(loss, double.NaN);
            TrainingProgress.Epoch(epoch, loss, clock.Elapsed - started);
            return true;
        });

        model.eval();
        return model;
    }

    /// <summary>A new model, its optimiser and the batch shuffler, all from the options' seed.</summary>
    private static (SasRecModel Model, optim.Optimizer Optimizer, Random Rng) Start(SequenceDataset data, SequenceTrainingOptions options, Device device)
    {
        random.manual_seed(options.Seed);
        var model = new SasRecModel(options.Model with { ItemCount = data.ItemCount });
        model.to(device);
        return (model, optim.Adam(model.parameters(), options.LearningRate), new Random(options.Seed));
    }

    private static int StepsPerEpoch(int[][] train, SequenceTrainingOptions options) => (train.Length + options.BatchSize - 1) / options.BatchSize;

    /// <summary>One pass over <paramref name="train"/> in shuffled, length-sorted batches; returns the mean loss.</summary>
    private static double RunEpoch(SasRecModel model, optim.Optimizer optimizer, int[][] train, SequenceTrainingOptions options, Random rng, Device device, Action step)
    {
        model.train();
        var totalLoss = 0.0;
        var batches = 0;
        foreach (var batch in Batches(train, options.BatchSize, rng))
        {
            using var scope = NewDisposeScope();
            var loss = BatchLoss(model, batch, options.Model.MaxLength, device);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            totalLoss += loss.item<float>();
            batches++;
            step();
        }

        return totalLoss / batches;
    }

    /// <summary>Mean cross-entropy of the next item over every non-padding position of the batch.</summary>
    public static Tensor BatchLoss(SasRecModel model, IReadOnlyList<int[]> batch, int maxLength, Device device)
    {
        var inputs = batch.Select(s => s[Math.Max(0, s.Length - maxLength - 1)..^1]).ToArray();
        var targets = batch.Select(s => s[Math.Max(1, s.Length - maxLength)..]).ToArray();
        var (inputIds, length) = SequenceBatch.LeftPad(inputs, maxLength);
        var (targetIds, _) = SequenceBatch.LeftPad(targets, maxLength);
        var x = tensor(inputIds, [batch.Count, length], device: device);
        var y = tensor(targetIds, [batch.Count * length], device: device);
        var hidden = model.forward(x).reshape(batch.Count * length, -1);
        var positions = y.nonzero().squeeze(1);
        var logits = hidden.index_select(0, positions).matmul(model.ItemTable.t());
        return nn.functional.cross_entropy(logits, y.index_select(0, positions));
    }

    private static double Validate(SasRecModel model, SequenceDataset data, SequenceTrainingOptions options, Device device)
    {
        model.eval();
        using var noGrad = no_grad();
        using var table = model.ItemTable.detach().cpu();
        using var scorer = new EmbeddingScorer(
            (ids, rows, length) =>
            {
                using var scope = NewDisposeScope();
                return model.UserEmbedding(tensor(ids, [rows, length], device: device)).cpu().data<float>().ToArray();
            },
            table.data<float>().ToArray(), options.Model.Dim, options.Model.MaxLength);
        return SequenceEvaluator.Evaluate(data, scorer, RankingProtocol.Full, HoldOut.Validation, options.Seed, options.ValidationUsers).Ndcg10;
    }

    /// <summary>Shuffled batches of similar length: shuffle, then sort within chunks of 50 batches so padding stays short.</summary>
    private static IEnumerable<int[][]> Batches(int[][] sequences, int batchSize, Random rng)
    {
        var order = sequences.ToArray();
        rng.Shuffle(order);
        var chunk = batchSize * 50;
        var batches = new List<int[][]>();
        for (var start = 0; start < order.Length; start += chunk)
        {
            var sorted = order.Skip(start).Take(chunk).OrderBy(s => s.Length).ToArray();
            for (var b = 0; b < sorted.Length; b += batchSize)
            {
                batches.Add(sorted.Skip(b).Take(batchSize).ToArray());
            }
        }

        var shuffled = batches.ToArray();
        rng.Shuffle(shuffled);
        return shuffled;
    }
}
