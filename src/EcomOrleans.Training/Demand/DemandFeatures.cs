namespace EcomOrleans.Training.Demand;

/// <summary>
/// The forecaster's input, computable by a caller from a SKU's daily buckets: for each of the
/// <see cref="Window"/> days before the forecast origin (oldest first), the
/// <see cref="Count"/> features below, plus the scale the outputs are multiplied by.
/// </summary>
internal static class DemandFeatures
{
    public const int Window = 56;
    public const int Horizon = 14;
    public const int Count = 11;

    /// <summary>Feature names in input order, for the manifest.</summary>
    public static readonly string[] Names =
    [
        "units / scale",
        "price / median(price over the window) - 1 (0 when unknown)",
        "sin(2 pi dayOfWeek / 7), dayOfWeek 0 = Sunday",
        "cos(2 pi dayOfWeek / 7)",
        "sin(2 pi (month - 1) / 12)",
        "cos(2 pi (month - 1) / 12)",
        "event day (1 or 0; 0 when unknown)",
        "ln(1 + scale), the same on every day",
        "days since the last day with sales, counted within the window, / window (1 when none)",
        "sin(2 pi (dayOfMonth - 1) / daysInMonth)",
        "cos(2 pi (dayOfMonth - 1) / daysInMonth)",
    ];

    /// <summary>scale = max(1, mean units over the window).</summary>
    public static float Scale(ReadOnlySpan<float> units) => Math.Max(1f, Average(units));

    /// <summary>Features [Window, Count] for the days origin - Window .. origin - 1 of <paramref name="series"/>.</summary>
    public static float[] Build(DemandSeries series, int origin) =>
        Build(series.Units.AsSpan(origin - Window, Window), series.Prices.AsSpan(origin - Window, Window),
            series.Events.AsSpan(origin - Window, Window), series.DateAt(origin - Window));

    public static float[] Build(ReadOnlySpan<float> units, ReadOnlySpan<float> prices, ReadOnlySpan<float> events, DateOnly firstDay)
    {
        var scale = Scale(units);
        var sorted = prices.ToArray().Where(p => p > 0).Order().ToArray();
        var reference = sorted.Length == 0 ? 0f : sorted[sorted.Length / 2];
        var features = new float[Window * Count];
        var sinceSale = Window;
        for (var day = 0; day < Window; day++)
        {
            var date = firstDay.AddDays(day);
            var row = features.AsSpan(day * Count, Count);
            row[0] = units[day] / scale;
            row[1] = reference > 0 && prices[day] > 0 ? (prices[day] / reference) - 1 : 0;
            row[2] = MathF.Sin(2 * MathF.PI * (int)date.DayOfWeek / 7);
            row[3] = MathF.Cos(2 * MathF.PI * (int)date.DayOfWeek / 7);
            row[4] = MathF.Sin(2 * MathF.PI * (date.Month - 1) / 12);
            row[5] = MathF.Cos(2 * MathF.PI * (date.Month - 1) / 12);
            row[6] = events[day];
            row[7] = MathF.Log(1 + scale);
            sinceSale = units[day] > 0 ? 0 : Math.Min(Window, sinceSale + 1);
            row[8] = (float)sinceSale / Window;
            var monthPhase = 2 * MathF.PI * (date.Day - 1) / DateTime.DaysInMonth(date.Year, date.Month);
            row[9] = MathF.Sin(monthPhase);
            row[10] = MathF.Cos(monthPhase);
        }

        return features;
    }

    private static float Average(ReadOnlySpan<float> values)
    {
        var sum = 0f;
        foreach (var value in values)
        {
            sum += value;
        }

        return values.Length == 0 ? 0 : sum / values.Length;
    }
}
