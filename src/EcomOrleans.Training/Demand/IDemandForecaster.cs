using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Models.Demand;

namespace EcomOrleans.Training.Demand;

internal interface IDemandForecaster
{
    /// <summary>14-day forecasts from <paramref name="origin"/> (the first forecast day), seeing days before it only.</summary>
    QuantileForecast Forecast(DemandSeries series, int origin);
}
