namespace EcomOrleans.Inference.Demand;

/// <summary>
/// The forecaster's input, computed exactly as the training tool does (its DemandFeatures): for each
/// day of the window, oldest first, the features named in <see cref="Names"/>; plus the scale.
/// </summary>
internal static class DemandFeatures
{
    /// <summary>Feature names in input order, as the manifest's <c>details.features</c> lists them.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "units / scale",
        "price / median(price over the window) - 1 (0 when unknown)",
        "sin(2 pi dayOfWeek / 7), dayOfWeek 0 = Sunday",
        "cos(2 pi dayOfWeek / 7)",
        "sin(2 pi (month - 1) / 12)",
        "cos(2 pi (month - 1) / 12)",
        "event day (1 or 0; 0 when unknown)",
        "ln(1 + scale), the same on every day",
    ];

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
    /// Writes [window, features] for the window's days into <paramref name="features"/>. Event days are
    /// unknown to the serving side (0), as the manifest allows.
    /// </summary>
    public static void Build(ReadOnlySpan<float> units, ReadOnlySpan<float> prices, DateOnly firstDay, float scale, Span<float> features)
    {
        var count = Names.Count;
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
        for (var day = 0; day < units.Length; day++)
        {
            var date = firstDay.AddDays(day);
            var row = features.Slice(day * count, count);
            row[0] = units[day] / scale;
            row[1] = reference > 0 && prices[day] > 0 ? (prices[day] / reference) - 1 : 0;
            row[2] = MathF.Sin(2 * MathF.PI * (int)date.DayOfWeek / 7);
            row[3] = MathF.Cos(2 * MathF.PI * (int)date.DayOfWeek / 7);
            row[4] = MathF.Sin(2 * MathF.PI * (date.Month - 1) / 12);
            row[5] = MathF.Cos(2 * MathF.PI * (date.Month - 1) / 12);
            row[6] = 0;
            row[7] = logScale;
        }
    }
}
