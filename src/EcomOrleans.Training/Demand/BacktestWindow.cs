using EcomOrleans.Merchandising.Forecasting;

namespace EcomOrleans.Training.Demand;

/// <summary>One origin of one series: what happened in the 14 days after it and what each forecaster said.</summary>
/// <param name="History">All the days before the origin: RMSSE and pinball loss are scaled by its one-step naive error. The forecasters read its last <see cref="DemandBaselines.HistoryDays"/>, as a SKU grain does.</param>
/// <param name="Seasonal">Seasonal smoothing with its level pulled toward the year by <paramref name="YearPull"/>, as the engine serves it.</param>
/// <param name="SeasonalWithoutPull">The same before the pull, for comparison.</param>
/// <param name="YearPull">The pull fitted on the windows that ended before this origin, in any series.</param>
/// <param name="Scored">False for the warm-up origins before the backtest year, used only to choose the first blend.</param>
internal sealed record BacktestWindow(
    string Series, int Origin, bool Scored, float[] Actual, float[] History, QuantileForecast SeasonalNaive, QuantileForecast Smoothing, QuantileForecast Seasonal, QuantileForecast SeasonalWithoutPull, double YearPull, QuantileForecast Model);
