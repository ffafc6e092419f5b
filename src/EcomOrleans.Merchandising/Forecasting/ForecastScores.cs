namespace EcomOrleans.Merchandising.Forecasting;

/// <summary>The scores forecasts are compared by (M5's): RMSSE of the point forecast, scaled pinball loss of the quantiles, coverage.</summary>
public static class ForecastScores
{
    /// <summary>The quantile levels a <see cref="QuantileForecast"/> carries.</summary>
    public static readonly double[] Levels = [0.1, 0.5, 0.9];

    /// <summary>
    /// Root mean squared scaled error (M5): the forecast's mean squared error divided by the mean
    /// squared one-step change of the in-sample history, square-rooted. NaN when the history never changes.
    /// </summary>
    public static double Rmsse(ReadOnlySpan<float> actual, ReadOnlySpan<float> forecast, ReadOnlySpan<float> history)
    {
        double error = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            error += Math.Pow(actual[i] - forecast[i], 2);
        }

        var scale = SquaredScale(history);
        return scale == 0 ? double.NaN : Math.Sqrt((error / actual.Length) / scale);
    }

    /// <summary>RMSSE's scale: the mean squared one-step change of <paramref name="history"/>; 0 when it never changes.</summary>
    public static double SquaredScale(ReadOnlySpan<float> history)
    {
        double naive = 0;
        for (var t = 1; t < history.Length; t++)
        {
            naive += Math.Pow(history[t] - history[t - 1], 2);
        }

        return history.Length < 2 ? 0 : naive / (history.Length - 1);
    }

    /// <summary>
    /// Scaled pinball loss (M5 uncertainty track, one series): the pinball loss of each quantile averaged over days
    /// and over the levels p10, p50 and p90, divided by the mean absolute one-step change of the in-sample history.
    /// NaN when the history never changes.
    /// </summary>
    public static double ScaledPinball(ReadOnlySpan<float> actual, QuantileForecast forecast, ReadOnlySpan<float> history)
    {
        double scale = 0;
        for (var t = 1; t < history.Length; t++)
        {
            scale += Math.Abs(history[t] - history[t - 1]);
        }

        if (scale == 0)
        {
            return double.NaN;
        }

        scale /= history.Length - 1;
        double loss = 0;
        for (var d = 0; d < actual.Length; d++)
        {
            loss += Pinball(actual[d], forecast.P10[d], Levels[0]) + Pinball(actual[d], forecast.P50[d], Levels[1]) + Pinball(actual[d], forecast.P90[d], Levels[2]);
        }

        return loss / (actual.Length * Levels.Length) / scale;
    }

    /// <summary>The pinball (quantile) loss of predicting <paramref name="quantile"/> at level <paramref name="level"/>.</summary>
    public static double Pinball(double actual, double quantile, double level) =>
        actual >= quantile ? level * (actual - quantile) : (1 - level) * (quantile - actual);

    /// <summary>The share of days whose actual is at or under <paramref name="upper"/>.</summary>
    public static double Coverage(ReadOnlySpan<float> actual, ReadOnlySpan<float> upper)
    {
        var covered = 0;
        for (var d = 0; d < actual.Length; d++)
        {
            covered += actual[d] <= upper[d] ? 1 : 0;
        }

        return (double)covered / actual.Length;
    }
}
