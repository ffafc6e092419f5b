using EcomOrleans.Merchandising.Forecasting;

namespace EcomOrleans.Merchandising.Restock;

/// <summary>
/// Forecasts <paramref name="horizon"/> days after the last day of <paramref name="history"/> (units per day, oldest
/// first). <see cref="DemandBaselines.ExponentialSmoothing"/> and <see cref="DemandBaselines.SeasonalNaive"/> fit.
/// </summary>
public delegate QuantileForecast DemandForecaster(ReadOnlySpan<float> history, int horizon);
