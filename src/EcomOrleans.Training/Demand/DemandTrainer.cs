using System.Diagnostics;
using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Models.Demand;
using EcomOrleans.Training.Common;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Demand;

/// <summary>
/// Trains <see cref="DemandTrainingOptions.Members"/> LSTMs, one after another with seeds
/// seed, seed + 1, ..., on every 14-day window that ends before the last 84 days of each series;
/// the 56 days before the 28 test days are the validation period (four 14-day origins) whose mean
/// RMSSE picks the epoch each member keeps. The members are averaged into a
/// <see cref="DemandEnsemble"/>, which is scored on the same validation period.
/// Loss: squared error of the mean channel plus pinball loss of p10, p50, p90, each window's errors
/// divided by its <see cref="DemandLossScale"/>.
/// </summary>
internal static class DemandTrainer
{
    public const int ValidationDays = 56;

    public static DemandTrainingResult Train(IReadOnlyList<DemandSeries> series, DemandTrainingOptions options, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Members, 1);
        var windows = Windows(series, DemandEvaluator.TestDays + ValidationDays);
        if (windows.Length == 0)
        {
            throw new InvalidDataException($"No series is long enough: each needs {DemandModelShape.Window + DemandModelShape.Horizon + DemandEvaluator.TestDays + ValidationDays} days.");
        }

        var data = Data(windows, options.LossScale);
        var refitData = options.Refit ? Data(Windows(series, DemandEvaluator.TestDays), options.LossScale) : null;
        var clock = Stopwatch.StartNew();
        var chosen = new List<LstmForecaster>();
        var members = new List<LstmForecaster>();
        var curves = new List<LearningCurve>();
        var bestEpochs = new List<int>();
        for (var k = 0; k < options.Members; k++)
        {
            var seed = options.Seed + k;
            AnsiConsole.MarkupLineInterpolated($"member {k + 1}/{options.Members} (seed {seed})");
            var budget = TimeSpan.FromMinutes(options.MaxMinutes * (k + 1) / options.Members);
            var (model, curve, bestEpoch) = TrainMember(series, data, options, seed, device, () => clock.Elapsed < budget);
            chosen.Add(model);
            curves.Add(curve);
            bestEpochs.Add(bestEpoch);
            if (refitData is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"member {k + 1}/{options.Members}: refit for {bestEpoch} epoch(s) on every window before the test days");
                members.Add(Refit(refitData, options, seed, bestEpoch, device));
            }
        }

        // Validation is scored by the members as chosen: the refit ones have trained on those days.
        var ensemble = new DemandEnsemble(chosen);
        ensemble.eval();
        var validation = DemandEvaluator.Evaluate(series, new TorchForecaster(ensemble, device), ValidationDays, skipLastDays: DemandEvaluator.TestDays);
        if (refitData is not null)
        {
            ensemble.Dispose();
            ensemble = new DemandEnsemble(members);
            ensemble.eval();
        }

        return new DemandTrainingResult(ensemble, curves, bestEpochs, validation);
    }

    /// <summary>Every (series, origin) whose 14 target days end before the last <paramref name="heldOutDays"/> days of its series.</summary>
    private static (DemandSeries Series, int Origin)[] Windows(IReadOnlyList<DemandSeries> series, int heldOutDays) =>
        [.. series.SelectMany(s => Enumerable.Range(DemandModelShape.Window, Math.Max(0, s.Length - heldOutDays - DemandModelShape.Horizon - DemandModelShape.Window + 1))
            .Select(origin => (s, origin)))];

    private static WindowData Data((DemandSeries Series, int Origin)[] windows, DemandLossScale lossScale)
    {
        var (features, scales, targets) = Tensors(windows);
        return new WindowData(features, scales, targets, lossScale == DemandLossScale.Rmsse ? RmsseScales(windows) : scales);
    }

    private static (LstmForecaster Model, LearningCurve Curve, int BestEpoch) TrainMember(
        IReadOnlyList<DemandSeries> series, WindowData data, DemandTrainingOptions options, int seed, Device device, Func<bool> withinBudget)
    {
        var (model, optimizer, rng) = Start(options, seed, device);
        var curve = new LearningCurve("validation RMSSE (mean)");
        var best = new BestEpoch(higherIsBetter: false);
        var clock = Stopwatch.StartNew();

        TrainingProgress.Run(options.Epochs, data.Steps(options.BatchSize), (epoch, step) =>
        {
            var started = clock.Elapsed;
            var loss = RunEpoch(model, optimizer, data, options.BatchSize, rng, device, step);
            model.eval();
            var rmsse = DemandEvaluator.Evaluate(series, new TorchForecaster(model, device), ValidationDays, skipLastDays: DemandEvaluator.TestDays).Rmsse;
            curve.Add(loss, rmsse);
            var improved = best.Offer(epoch, rmsse, model);

            TrainingProgress.Epoch(epoch, loss, "val RMSSE", rmsse, clock.Elapsed - started, improved);
            return epoch - best.Epoch < options.Patience && withinBudget();
        });

        best.Restore(model);

        model.eval();
        return (model, curve, best.Epoch);
    }

    /// <summary>A fresh member with the same seed, trained for the chosen number of epochs on <paramref name="data"/>.</summary>
    private static LstmForecaster Refit(WindowData data, DemandTrainingOptions options, int seed, int epochs, Device device)
    {
        var (model, optimizer, rng) = Start(options, seed, device);
        var clock = Stopwatch.StartNew();
        TrainingProgress.Run(epochs, data.Steps(options.BatchSize), (epoch, step) =>
        {
            var started = clock.Elapsed;
            var loss = RunEpoch(model, optimizer, data, options.BatchSize, rng, device, step);
            TrainingProgress.Epoch(epoch, loss, clock.Elapsed - started);
            return true;
        });

        model.eval();
        return model;
    }

    /// <summary>A new member, its optimiser and the window shuffler, all from <paramref name="seed"/>.</summary>
    private static (LstmForecaster Model, optim.Optimizer Optimizer, Random Rng) Start(DemandTrainingOptions options, int seed, Device device)
    {
        random.manual_seed(seed);
        var model = new LstmForecaster(options.Model);
        model.to(device);
        return (model, optim.Adam(model.parameters(), options.LearningRate), new Random(seed));
    }

    /// <summary>One pass over the windows in a shuffled order; returns the mean loss.</summary>
    private static double RunEpoch(LstmForecaster model, optim.Optimizer optimizer, WindowData data, int batchSize, Random rng, Device device, Action step)
    {
        model.train();
        var order = Enumerable.Range(0, data.Count).ToArray();
        rng.Shuffle(order);
        var total = 0.0;
        var batches = 0;
        for (var start = 0; start < order.Length; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var index = tensor(order.Skip(start).Take(batchSize).Select(i => (long)i).ToArray());
            var scale = data.Scales.index_select(0, index).to(device);
            var prediction = model.forward(data.Features.index_select(0, index).to(device), scale);
            var loss = Loss(prediction, data.Targets.index_select(0, index).to(device), data.LossScales.index_select(0, index).to(device));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            batches++;
            step();
        }

        return total / batches;
    }

    /// <summary>
    /// RMSSE's own scale for each window: the root mean squared one-step change of its series
    /// from the first sale up to the window's origin (at least <see cref="MinRmsseScale"/>), so
    /// that the squared error is weighted as the metric weights it.
    /// </summary>
    public static Tensor RmsseScales(IReadOnlyList<(DemandSeries Series, int Origin)> windows)
    {
        var prefixes = new Dictionary<DemandSeries, (int First, double[] Sums)>();
        var result = new float[windows.Count];
        for (var i = 0; i < windows.Count; i++)
        {
            var (series, origin) = windows[i];
            if (!prefixes.TryGetValue(series, out var prefix))
            {
                var first = Math.Max(0, Array.FindIndex(series.Units, u => u > 0));
                var sums = new double[series.Length];
                for (var t = first + 1; t < series.Length; t++)
                {
                    sums[t] = sums[t - 1] + Math.Pow(series.Units[t] - series.Units[t - 1], 2);
                }

                prefixes[series] = prefix = (first, sums);
            }

            var changes = origin - 1 - prefix.First;
            var scale = changes > 0 ? Math.Sqrt(prefix.Sums[origin - 1] / changes) : 0;
            result[i] = (float)Math.Max(MinRmsseScale, scale);
        }

        return tensor(result, [windows.Count, 1]);
    }

    /// <summary>Floor of <see cref="RmsseScales"/>, so a series that has barely moved yet does not dominate the loss.</summary>
    public const double MinRmsseScale = 0.25;

    /// <summary>Mean squared error of the mean channel plus the pinball loss of each quantile channel, all divided by scale.</summary>
    public static Tensor Loss(Tensor prediction, Tensor target, Tensor scale)
    {
        var s = scale.unsqueeze(-1);
        var y = target.div(scale);
        var scaled = prediction.div(s);
        var loss = scaled.select(2, 0).sub(y).pow(2).mean();
        for (var q = 0; q < LstmForecaster.Quantiles.Length; q++)
        {
            var level = LstmForecaster.Quantiles[q];
            var error = y.sub(scaled.select(2, q + 1));
            loss = loss.add(maximum(error.mul(level), error.mul(level - 1)).mean());
        }

        return loss;
    }

    public static (Tensor Features, Tensor Scales, Tensor Targets) Tensors(IReadOnlyList<(DemandSeries Series, int Origin)> windows)
    {
        var features = new float[windows.Count * DemandModelShape.Window * DemandModelShape.FeatureCount];
        var scales = new float[windows.Count];
        var targets = new float[windows.Count * DemandModelShape.Horizon];
        for (var i = 0; i < windows.Count; i++)
        {
            var (series, origin) = windows[i];
            DemandModelShape.Features(series, origin).CopyTo(features, i * DemandModelShape.Window * DemandModelShape.FeatureCount);
            scales[i] = DemandModelShape.Scale(series, origin);
            series.Units.AsSpan(origin, DemandModelShape.Horizon).CopyTo(targets.AsSpan(i * DemandModelShape.Horizon));
        }

        return (tensor(features, [windows.Count, DemandModelShape.Window, DemandModelShape.FeatureCount]), tensor(scales, [windows.Count, 1]),
            tensor(targets, [windows.Count, DemandModelShape.Horizon]));
    }

    /// <summary>Training windows as tensors: features, input scales, targets and the scales the loss divides by.</summary>
    private sealed record WindowData(Tensor Features, Tensor Scales, Tensor Targets, Tensor LossScales)
    {
        public int Count => (int)Features.shape[0];

        public int Steps(int batchSize) => (Count + batchSize - 1) / batchSize;
    }

    /// <summary>Forecasts with the TorchSharp model, for validation while training.</summary>
    private sealed class TorchForecaster(nn.Module<Tensor, Tensor, Tensor> model, Device device) : IDemandForecaster
    {
        public QuantileForecast Forecast(DemandSeries series, int origin)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var (features, scales, _) = Tensors([(series, origin)]);
            var output = model.forward(features.to(device), scales.to(device)).cpu().data<float>().ToArray();
            float[] Channel(int c) => Enumerable.Range(0, DemandModelShape.Horizon).Select(h => output[(h * 4) + c]).ToArray();
            return new QuantileForecast(Channel(0), Channel(1), Channel(2), Channel(3));
        }
    }
}
