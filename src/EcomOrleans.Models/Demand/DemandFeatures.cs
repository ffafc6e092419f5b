namespace EcomOrleans.Models.Demand;

/// <summary>
/// The demand model's per-day features, keyed by stable names, and the one computation of them that
/// training and serving share. The training tool writes the names of its layout into the manifest's
/// <c>details.features</c>; the serving side resolves them with <see cref="Resolve"/> and builds
/// exactly those, in that order.
/// </summary>
public static class DemandFeatures
{
    /// <summary>Every feature, in the order the training tool lays them out.</summary>
    public static readonly IReadOnlyList<DemandFeatureDefinition> All =
    [
        new(DemandFeature.ScaledUnits, "scaled_units", "units / scale"),
        new(DemandFeature.PriceRatio, "price_ratio", "price / median(price over the window) - 1 (0 when unknown)"),
        new(DemandFeature.DayOfWeekSin, "dow_sin", "sin(2 pi dayOfWeek / 7), dayOfWeek 0 = Sunday"),
        new(DemandFeature.DayOfWeekCos, "dow_cos", "cos(2 pi dayOfWeek / 7)"),
        new(DemandFeature.MonthSin, "month_sin", "sin(2 pi (month - 1) / 12)"),
        new(DemandFeature.MonthCos, "month_cos", "cos(2 pi (month - 1) / 12)"),
        new(DemandFeature.EventDay, "event_day", "event day (1 or 0; 0 when unknown)"),
        new(DemandFeature.LogScale, "log_scale", "ln(1 + scale), the same on every day"),
        new(DemandFeature.DaysSinceSale, "days_since_sale", "days since the last day with sales, counted within the window, / window (1 when none)"),
        new(DemandFeature.DayOfMonthSin, "dom_sin", "sin(2 pi (dayOfMonth - 1) / daysInMonth)"),
        new(DemandFeature.DayOfMonthCos, "dom_cos", "cos(2 pi (dayOfMonth - 1) / daysInMonth)"),
    ];

    /// <summary>The features of <see cref="All"/>, in order: the training tool's layout.</summary>
    public static readonly IReadOnlyList<DemandFeature> Layout = [.. All.Select(f => f.Feature)];

    private static readonly Dictionary<string, DemandFeatureDefinition> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The stable name of <paramref name="feature"/>, e.g. <c>price_ratio</c>.</summary>
    public static string NameOf(DemandFeature feature) => All.First(f => f.Feature == feature).Name;

    /// <summary>
    /// The features named by <paramref name="names"/>, in that order. Throws <see cref="ModelContractException"/>
    /// naming every unknown name and the known ones.
    /// </summary>
    public static DemandFeature[] Resolve(IReadOnlyList<string> names)
    {
        var unknown = names.Where(n => !ByName.ContainsKey(n)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ModelContractException(
                $"details.features names demand features this server cannot compute: {string.Join(", ", unknown)}. It computes: {string.Join(", ", All.Select(f => f.Name))}.");
        }

        return [.. names.Select(n => ByName[n].Feature)];
    }

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
    /// Features [window, <see cref="Layout"/>] for the <paramref name="window"/> days before
    /// <paramref name="origin"/> of <paramref name="series"/>.
    /// </summary>
    public static float[] Build(DemandSeries series, int origin, int window)
    {
        var start = origin - window;
        var units = series.Units.AsSpan(start, window);
        var features = new float[window * Layout.Count];
        Build(units, series.Prices.AsSpan(start, window), series.Events.Length == 0 ? [] : series.Events.AsSpan(start, window),
            series.DateAt(start), Scale(units), Layout, features);
        return features;
    }

    /// <summary>
    /// Writes [window, layout.Count] features for the window's days (oldest first, window = units.Length)
    /// into <paramref name="features"/>. <paramref name="events"/> may be empty: event days are then
    /// unknown (0), as the manifest allows.
    /// </summary>
    public static void Build(
        ReadOnlySpan<float> units, ReadOnlySpan<float> prices, ReadOnlySpan<float> events, DateOnly firstDay, float scale,
        IReadOnlyList<DemandFeature> layout, Span<float> features)
    {
        var count = layout.Count;
        var window = units.Length;
        var reference = MedianKnownPrice(prices);
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
                    DemandFeature.ScaledUnits => units[day] / scale,
                    DemandFeature.PriceRatio => reference > 0 && prices[day] > 0 ? (prices[day] / reference) - 1 : 0,
                    DemandFeature.DayOfWeekSin => MathF.Sin(2 * MathF.PI * (int)date.DayOfWeek / 7),
                    DemandFeature.DayOfWeekCos => MathF.Cos(2 * MathF.PI * (int)date.DayOfWeek / 7),
                    DemandFeature.MonthSin => MathF.Sin(2 * MathF.PI * (date.Month - 1) / 12),
                    DemandFeature.MonthCos => MathF.Cos(2 * MathF.PI * (date.Month - 1) / 12),
                    DemandFeature.EventDay => events.IsEmpty ? 0 : events[day],
                    DemandFeature.LogScale => logScale,
                    DemandFeature.DaysSinceSale => (float)sinceSale / window,
                    DemandFeature.DayOfMonthSin => MathF.Sin(monthPhase),
                    DemandFeature.DayOfMonthCos => MathF.Cos(monthPhase),
                    _ => throw new ArgumentOutOfRangeException(nameof(layout), layout[f], "Not a demand feature."),
                };
            }
        }
    }

    /// <summary>The median of the known (positive) prices, the upper one of an even count; 0 when none is known.</summary>
    private static float MedianKnownPrice(ReadOnlySpan<float> prices)
    {
        var known = new List<float>(prices.Length);
        foreach (var price in prices)
        {
            if (price > 0)
            {
                known.Add(price);
            }
        }

        known.Sort();
        return known.Count == 0 ? 0f : known[known.Count / 2];
    }
}
