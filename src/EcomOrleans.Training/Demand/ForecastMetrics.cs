namespace EcomOrleans.Training.Demand;

/// <summary>RMSSE and the two classical baselines it is compared with.</summary>
internal static class ForecastMetrics
{
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

        double naive = 0;
        for (var t = 1; t < history.Length; t++)
        {
            naive += Math.Pow(history[t] - history[t - 1], 2);
        }

        return naive == 0 ? double.NaN : Math.Sqrt((error / actual.Length) / (naive / (history.Length - 1)));
    }

    /// <summary>Weekly seasonal naive: day h after the origin repeats the same weekday of the last observed week.</summary>
    public static float[] SeasonalNaive(ReadOnlySpan<float> history, int horizon)
    {
        var forecast = new float[horizon];
        for (var h = 0; h < horizon; h++)
        {
            forecast[h] = history[history.Length - 7 + (h % 7)];
        }

        return forecast;
    }

    /// <summary>
    /// Simple exponential smoothing with the smoothing factor (0.01..0.99) that minimises the
    /// in-sample one-step squared error; the forecast is the final level, flat.
    /// </summary>
    public static float[] ExponentialSmoothing(ReadOnlySpan<float> history, int horizon)
    {
        var bestLevel = 0.0;
        var bestError = double.PositiveInfinity;
        for (var step = 1; step <= 99; step++)
        {
            var alpha = step / 100.0;
            double level = history[0];
            double error = 0;
            for (var t = 1; t < history.Length; t++)
            {
                error += Math.Pow(history[t] - level, 2);
                level += alpha * (history[t] - level);
            }

            if (error < bestError)
            {
                (bestError, bestLevel) = (error, level);
            }
        }

        return Enumerable.Repeat((float)bestLevel, horizon).ToArray();
    }
}
