using EcomOrleans.Merchandising.Forecasting;

namespace EcomOrleans.Training.Demand;

/// <param name="Final">The blend chosen on every window: what the engine serves from now on.</param>
internal sealed record BacktestResult(
    IReadOnlyList<MethodScore> Methods, IReadOnlyList<BacktestWindow> Windows, IReadOnlyDictionary<BacktestWindow, ForecastBlend> Chosen, ForecastBlend Final);
