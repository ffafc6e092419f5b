namespace EcomOrleans.Merchandising.Forecasting;

/// <summary>
/// A SKU's multiplicative demand indices by weekday and by month start (see <see cref="DemandBaselines.SeasonalSmoothing"/>):
/// a day's expected units are the seasonally adjusted level times <see cref="Of"/> that day.
/// </summary>
/// <param name="Weekday">By <see cref="DayOfWeek"/> (Sunday first).</param>
/// <param name="MonthStart">Days 1 to <see cref="DemandBaselines.MonthStartDays"/> of a month.</param>
/// <param name="RestOfMonth">The other days.</param>
public sealed record SeasonalIndices(IReadOnlyList<float> Weekday, float MonthStart, float RestOfMonth)
{
    /// <summary>An index is never under this, so dividing by it never blows a day up.</summary>
    public const float Floor = 0.05f;

    public static SeasonalIndices None { get; } = new([1, 1, 1, 1, 1, 1, 1], 1, 1);

    public float Of(DateOnly day) => Weekday[(int)day.DayOfWeek] * (IsMonthStart(day) ? MonthStart : RestOfMonth);

    public static bool IsMonthStart(DateOnly day) => day.Day <= DemandBaselines.MonthStartDays;

    /// <summary>
    /// The indices of the last <see cref="DemandBaselines.HistoryDays"/> days of <paramref name="history"/> (day 0 is
    /// <paramref name="firstDay"/>): for each group of days, the mean units on them over the mean of all days, moved
    /// from 1 toward that ratio by n / (n + <see cref="DemandBaselines.IndexShrinkage"/>), n the units the group would
    /// have sold at the mean rate (the mean a day times its days), and never under <see cref="Floor"/>. A history
    /// without sales keeps every index at 1.
    /// </summary>
    public static SeasonalIndices Measure(ReadOnlySpan<float> history, DateOnly firstDay)
    {
        var start = Math.Max(0, history.Length - DemandBaselines.HistoryDays);
        var (weekdaySums, weekdayDays) = (new double[7], new int[7]);
        var (monthSums, monthDays) = (new double[2], new int[2]);
        double total = 0;
        for (var t = start; t < history.Length; t++)
        {
            var day = firstDay.AddDays(t);
            var (w, m) = ((int)day.DayOfWeek, IsMonthStart(day) ? 0 : 1);
            (weekdaySums[w], weekdayDays[w]) = (weekdaySums[w] + history[t], weekdayDays[w] + 1);
            (monthSums[m], monthDays[m]) = (monthSums[m] + history[t], monthDays[m] + 1);
            total += history[t];
        }

        if (total <= 0)
        {
            return None;
        }

        var perDay = total / (history.Length - start);
        float Index(double units, int days)
        {
            if (days == 0)
            {
                return 1;
            }

            // Shrunk by the units the group would have sold at the mean rate, not by what it sold: a weekday that never
            // sells is evidence too, and is pulled toward 0 as surely as a busy one is pulled above 1.
            var expected = perDay * days;
            var ratio = units / expected;
            return (float)Math.Max(Floor, 1 + ((ratio - 1) * expected / (expected + DemandBaselines.IndexShrinkage)));
        }

        return new SeasonalIndices([.. Enumerable.Range(0, 7).Select(w => Index(weekdaySums[w], weekdayDays[w]))],
            Index(monthSums[0], monthDays[0]), Index(monthSums[1], monthDays[1]));
    }
}
