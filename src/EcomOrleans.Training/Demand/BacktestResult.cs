using EcomOrleans.Merchandising.Forecasting;

namespace EcomOrleans.Training.Demand;

/// <param name="Final">The blend chosen on every window: what the engine serves from now on.</param>
/// <param name="FinalYearPull">The year pull fitted on every day's 14-day forecast of every series: what <see cref="DemandBaselines.YearPull"/> should be.</param>
internal sealed record BacktestResult(
    IReadOnlyList<MethodScore> Methods, IReadOnlyList<BacktestWindow> Windows, IReadOnlyDictionary<BacktestWindow, ForecastBlend> Chosen, ForecastBlend Final, double FinalYearPull);
