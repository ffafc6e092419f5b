using System.Diagnostics;
using EcomOrleans.Training.Common;
using TorchSharp;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Demand;

/// <summary>
/// Trains the LSTM on every 14-day window that ends before the last 84 days of each series; the
/// 56 days before the 28 test days are the validation period (four 14-day origins) whose mean
/// RMSSE picks the epoch kept.
/// Loss, in scaled units: squared error of the mean channel plus pinball loss of p10, p50, p90.
/// </summary>
internal static class DemandTrainer
{
    public const int ValidationDays = 56;

    public static (LstmForecaster Model, LearningCurve Curve, int BestEpoch) Train(IReadOnlyList<DemandSeries> series, DemandTrainingOptions options, Device device)
    {
        random.manual_seed(options.Seed);
        var model = new LstmForecaster(options.Model);
        model.to(device);
        var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var windows = series
            .SelectMany(s => Enumerable.Range(DemandFeatures.Window, Math.Max(0, s.Length - DemandEvaluator.TestDays - ValidationDays - DemandFeatures.Horizon - DemandFeatures.Window + 1))
                .Select(origin => (Series: s, Origin: origin)))
            .ToArray();
        if (windows.Length == 0)
        {
            throw new InvalidDataException($"No series is long enough: each needs {DemandFeatures.Window + DemandFeatures.Horizon + DemandEvaluator.TestDays + ValidationDays} days.");
        }

        var (features, scales, targets) = Tensors(windows);
        var rng = new Random(options.Seed);
        var curve = new LearningCurve("validation RMSSE (mean)");
        var steps = (windows.Length + options.BatchSize - 1) / options.BatchSize;
        var best = (Epoch: 0, Rmsse: double.PositiveInfinity, Weights: Array.Empty<Tensor>());
        var clock = Stopwatch.StartNew();

        TrainingProgress.Run(options.Epochs, steps, (epoch, step) =>
        {
            var started = clock.Elapsed;
            model.train();
            var order = Enumerable.Range(0, windows.Length).ToArray();
            rng.Shuffle(order);
            var total = 0.0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                using var scope = NewDisposeScope();
                var index = tensor(order.Skip(start).Take(options.BatchSize).Select(i => (long)i).ToArray());
                var scale = scales.index_select(0, index).to(device);
                var prediction = model.forward(features.index_select(0, index).to(device), scale);
                var loss = Loss(prediction, targets.index_select(0, index).to(device), scale);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                total += loss.item<float>();
                step();
            }

            model.eval();
            var rmsse = DemandEvaluator.Evaluate(series, new TorchForecaster(model, device), ValidationDays, skipLastDays: DemandEvaluator.TestDays).Rmsse;
            curve.Add(total / steps, rmsse);
            var improved = rmsse < best.Rmsse;
            if (improved)
            {
                foreach (var old in best.Weights)
                {
                    old.Dispose();
                }

                best = (epoch, rmsse, model.parameters().Select(p => p.detach().clone()).ToArray());
            }

            TrainingProgress.Epoch(epoch, total / steps, "val RMSSE", rmsse, clock.Elapsed - started, improved);
            return epoch - best.Epoch < options.Patience && clock.Elapsed.TotalMinutes < options.MaxMinutes;
        });

        using (no_grad())
        {
            foreach (var (parameter, weight) in model.parameters().Zip(best.Weights))
            {
                parameter.copy_(weight);
                weight.Dispose();
            }
        }

        model.eval();
        return (model, curve, best.Epoch);
    }

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
        var features = new float[windows.Count * DemandFeatures.Window * DemandFeatures.Count];
        var scales = new float[windows.Count];
        var targets = new float[windows.Count * DemandFeatures.Horizon];
        for (var i = 0; i < windows.Count; i++)
        {
            var (series, origin) = windows[i];
            DemandFeatures.Build(series, origin).CopyTo(features, i * DemandFeatures.Window * DemandFeatures.Count);
            scales[i] = DemandFeatures.Scale(series.Units.AsSpan(origin - DemandFeatures.Window, DemandFeatures.Window));
            series.Units.AsSpan(origin, DemandFeatures.Horizon).CopyTo(targets.AsSpan(i * DemandFeatures.Horizon));
        }

        return (tensor(features, [windows.Count, DemandFeatures.Window, DemandFeatures.Count]), tensor(scales, [windows.Count, 1]),
            tensor(targets, [windows.Count, DemandFeatures.Horizon]));
    }

    /// <summary>Forecasts with the TorchSharp model, for validation while training.</summary>
    private sealed class TorchForecaster(LstmForecaster model, Device device) : IDemandForecaster
    {
        public DemandForecast Forecast(DemandSeries series, int origin)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var (features, scales, _) = Tensors([(series, origin)]);
            var output = model.forward(features.to(device), scales.to(device)).cpu().data<float>().ToArray();
            float[] Channel(int c) => Enumerable.Range(0, DemandFeatures.Horizon).Select(h => output[(h * 4) + c]).ToArray();
            return new DemandForecast(Channel(0), Channel(1), Channel(2), Channel(3));
        }
    }
}
