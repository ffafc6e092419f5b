using System.Buffers;
using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using EcomOrleans.Models.Demand;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Inference.Demand;

/// <summary>Forecasts SKUs' daily demand through the demand model's batcher.</summary>
public sealed class DemandForecaster : IDisposable
{
    private readonly ModelRegistry _registry;
    private readonly DynamicBatcher<DemandHistory, DemandForecast> _batcher;

    public DemandForecaster(ModelRegistry registry, IOptions<InferenceOptions> options, TimeProvider time, ILogger<DemandForecaster> logger)
    {
        _registry = registry;
        _batcher = new(ModelKinds.Demand, options.Value.Demand, RunBatch, time, logger);
    }

    /// <summary>Mean and p10/p50/p90 forecasts for the days after <paramref name="history"/>.</summary>
    public Task<DemandForecast> ForecastAsync(DemandHistory history, InferencePriority priority)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Units.Length == 0 || history.Units.Length != history.Prices.Length)
        {
            throw new ArgumentException(
                $"The history of {history.Sku} needs at least one day and as many prices as units (has {history.Units.Length} units and {history.Prices.Length} prices).", nameof(history));
        }

        if (!_registry.IsLoaded(ModelKinds.Demand))
        {
            throw ModelNotLoadedException.For(ModelKinds.Demand);
        }

        return _batcher.SubmitAsync(history, priority);
    }

    public void Dispose() => _batcher.Dispose();

    /// <summary>
    /// Forecasts a batch in one run. Each history's last Window days are used; a shorter history is
    /// padded in front with days of 0 units and unknown price. Event days are unknown here (0).
    /// </summary>
    public static DemandForecast[] Forecast(DemandModel model, IReadOnlyList<DemandHistory> histories)
    {
        var rows = histories.Count;
        var (window, horizon, features) = (model.Window, model.Horizon, model.Layout.Count);
        var history = ArrayPool<float>.Shared.Rent(rows * window * features);
        var scale = ArrayPool<float>.Shared.Rent(rows);
        var quantiles = ArrayPool<float>.Shared.Rent(rows * horizon * model.QuantileCount);
        var means = ArrayPool<float>.Shared.Rent(rows * horizon);
        try
        {
            var units = new float[window];
            var prices = new float[window];
            for (var row = 0; row < rows; row++)
            {
                var h = histories[row];
                var used = Math.Min(window, h.Units.Length);
                Array.Clear(units);
                Array.Clear(prices);
                h.Units.AsSpan(h.Units.Length - used).CopyTo(units.AsSpan(window - used));
                h.Prices.AsSpan(h.Prices.Length - used).CopyTo(prices.AsSpan(window - used));
                RepeatLastKnownPrice(prices.AsSpan(window - used));
                scale[row] = DemandFeatures.Scale(units);
                var firstDay = h.FirstDay.AddDays(h.Units.Length - window);
                DemandFeatures.Build(units, prices, [], firstDay, scale[row], model.Layout, history.AsSpan(row * window * features, window * features));
            }

            using var historyValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, history.AsMemory(0, rows * window * features), [rows, window, features]);
            using var scaleValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, scale.AsMemory(0, rows), [rows, 1]);
            using var quantilesValue = OrtValue.CreateTensorValueFromMemory(
                OrtMemoryInfo.DefaultInstance, quantiles.AsMemory(0, rows * horizon * model.QuantileCount), [rows, horizon, model.QuantileCount]);
            using var meansValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, means.AsMemory(0, rows * horizon), [rows, horizon]);
            if (model.HasMean)
            {
                model.Session.Run(model.RunOptions, [DemandContract.HistoryInput, DemandContract.ScaleInput], [historyValue, scaleValue],
                    [DemandContract.MeanOutput, DemandContract.QuantilesOutput], [meansValue, quantilesValue]);
            }
            else
            {
                model.Session.Run(model.RunOptions, [DemandContract.HistoryInput, DemandContract.ScaleInput], [historyValue, scaleValue], [DemandContract.QuantilesOutput], [quantilesValue]);
            }

            var results = new DemandForecast[rows];
            for (var row = 0; row < rows; row++)
            {
                var p10 = new float[horizon];
                var p50 = new float[horizon];
                var p90 = new float[horizon];
                var mean = new float[horizon];
                for (var day = 0; day < horizon; day++)
                {
                    // Quantile heads can cross (p90 below p50); sorting each day's quantiles restores
                    // their order and never worsens the forecast (monotone rearrangement).
                    var levels = quantiles.AsSpan(((row * horizon) + day) * model.QuantileCount, model.QuantileCount);
                    levels.Sort();
                    p50[day] = levels[model.P50Index];
                    p90[day] = levels[model.P90Index];
                    p10[day] = model.P10Index >= 0 ? levels[model.P10Index] : p50[day];
                    mean[day] = model.HasMean ? Math.Max(0, means[(row * horizon) + day]) : p50[day];
                }

                var h = histories[row];
                results[row] = new DemandForecast(h.Sku, h.FirstDay.AddDays(h.Units.Length), p50, p90, model.Version, mean, p10, model.Blend.ModelWeight, model.Blend.QuantileScale);
            }

            return results;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(history);
            ArrayPool<float>.Shared.Return(scale);
            ArrayPool<float>.Shared.Return(quantiles);
            ArrayPool<float>.Shared.Return(means);
        }
    }

    /// <summary>A missing price (0 or NaN) repeats the last known one, as the model was trained.</summary>
    private static void RepeatLastKnownPrice(Span<float> prices)
    {
        var last = 0f;
        for (var day = 0; day < prices.Length; day++)
        {
            if (prices[day] > 0)
            {
                last = prices[day];
            }
            else
            {
                prices[day] = last;
            }
        }
    }

    private DemandForecast[] RunBatch(IReadOnlyList<DemandHistory> batch)
    {
        using var lease = _registry.Acquire<DemandModel>(ModelKinds.Demand);
        return Forecast(lease.Model, batch);
    }
}
