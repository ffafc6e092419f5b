namespace EcomOrleans.Inference.Demand;

/// <summary>
/// The forecaster's per-day input features, computed exactly as the training tool does (its
/// DemandFeatures). The manifest's <c>details.features</c> names them in input order; every name this
/// server knows maps to a <see cref="DemandFeature"/>, so a model may use any of them in any order.
/// </summary>
internal static class DemandFeatures
{
    /// <summary>The feature names the training tool writes, and what each one is.</summary>
    public static readonly IReadOnlyDictionary<string, DemandFeature> Known = new Dictionary<string, DemandFeature>(StringComparer.Ordinal)
    {
        ["units / scale"] = DemandFeature.Units,
        ["price / median(price over the window) - 1 (0 when unknown)"] = DemandFeature.Price,
        ["sin(2 pi dayOfWeek / 7), dayOfWeek 0 = Sunday"] = DemandFeature.DayOfWeekSin,
        ["cos(2 pi dayOfWeek / 7)"] = DemandFeature.DayOfWeekCos,
        ["sin(2 pi (month - 1) / 12)"] = DemandFeature.MonthSin,
        ["cos(2 pi (month - 1) / 12)"] = DemandFeature.MonthCos,
        ["event day (1 or 0; 0 when unknown)"] = DemandFeature.EventDay,
        ["ln(1 + scale), the same on every day"] = DemandFeature.LogScale,
        ["days since the last day with sales, counted within the window, / window (1 when none)"] = DemandFeature.DaysSinceSale,
        ["sin(2 pi (dayOfMonth - 1) / daysInMonth)"] = DemandFeature.DayOfMonthSin,
        ["cos(2 pi (dayOfMonth - 1) / daysInMonth)"] = DemandFeature.DayOfMonthCos,
    };

    /// <summary>scale = max(1, mean units over the window).</summary>
    public static float Scale(ReadOnlySpan<float> units)
    {
        var sum = 0f;
        foreach (var value in units)
        {
            sum += value;
        }

        return Math.Max(1f, units.Length == 0 ? 0 : sum / units.Length);
    }

    /// <summary>
    /// Writes [window, layout.Length] for the window's days into <paramref name="features"/>. Event days
    /// are unknown to the serving side (0), as the manifest allows.
    /// </summary>
    public static void Build(ReadOnlySpan<float> units, ReadOnlySpan<float> prices, DateOnly firstDay, float scale, IReadOnlyList<DemandFeature> layout, Span<float> features)
    {
        var count = layout.Count;
        var window = units.Length;
        var positive = new List<float>(prices.Length);
        foreach (var price in prices)
        {
            if (price > 0)
            {
                positive.Add(price);
            }
        }

        positive.Sort();
        var reference = positive.Count == 0 ? 0f : positive[positive.Count / 2];
        var logScale = MathF.Log(1 + scale);
        var sinceSale = window;
        for (var day = 0; day < window; day++)
        {
            var date = firstDay.AddDays(day);
            sinceSale = units[day] > 0 ? 0 : Math.Min(window, sinceSale + 1);
            var row = features.Slice(day * count, count);
            var monthPhase = 2 * MathF.PI * (date.Day - 1) / DateTime.DaysInMonth(date.Year, date.Month);
            for (var f = 0; f < count; f++)
            {
                row[f] = layout[f] switch
                {
                    DemandFeature.Units => units[day] / scale,
                    DemandFeature.Price => reference > 0 && prices[day] > 0 ? (prices[day] / reference) - 1 : 0,
                    DemandFeature.DayOfWeekSin => MathF.Sin(2 * MathF.PI * (int)date.DayOfWeek / 7),
                    DemandFeature.DayOfWeekCos => MathF.Cos(2 * MathF.PI * (int)date.DayOfWeek / 7),
                    DemandFeature.MonthSin => MathF.Sin(2 * MathF.PI * (date.Month - 1) / 12),
                    DemandFeature.MonthCos => MathF.Cos(2 * MathF.PI * (date.Month - 1) / 12),
                    DemandFeature.LogScale => logScale,
                    DemandFeature.DaysSinceSale => (float)sinceSale / window,
                    DemandFeature.DayOfMonthSin => MathF.Sin(monthPhase),
                    DemandFeature.DayOfMonthCos => MathF.Cos(monthPhase),
                    _ => 0,
                };
            }
        }
    }
}
