using System.Globalization;
using EcomOrleans.Models.Demand;

namespace EcomOrleans.Training.Demand;

/// <summary>Reads M5 sales into <see cref="DemandSeries"/>, one per item, zero-sales days filled in.</summary>
internal static class M5Reader
{
    /// <summary>
    /// Reads the M5 long CSV (<c>id,item_id,...,d,sales,date,...,event_name_1,...,sell_price</c>),
    /// where days without sales are absent. Every series runs from its first row to the last
    /// date in the file; missing days get 0 units and the last known price; a day is an event
    /// day when any row of that date names an event.
    /// </summary>
    public static IReadOnlyList<DemandSeries> Load(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.TrimStart('\uFEFF').Split(',') ?? throw new InvalidDataException("Empty file.");
        int Column(string name) => Array.IndexOf(header, name) is var i && i >= 0 ? i : throw new InvalidDataException($"Missing column '{name}'.");
        var (idColumn, salesColumn, dateColumn, priceColumn) = (Column("item_id"), Column("sales"), Column("date"), Column("sell_price"));
        var eventColumns = new[] { "event_name_1", "event_name_2" }.Select(n => Array.IndexOf(header, n)).Where(i => i >= 0).ToArray();

        var rows = new Dictionary<string, SortedDictionary<DateOnly, (float Units, float Price)>>();
        var eventDays = new HashSet<DateOnly>();
        var last = DateOnly.MinValue;
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (fields.Length < header.Length)
            {
                continue;
            }

            var date = DateOnly.ParseExact(fields[dateColumn], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var price = float.TryParse(fields[priceColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : float.NaN;
            var units = float.Parse(fields[salesColumn], CultureInfo.InvariantCulture);
            if (!rows.TryGetValue(fields[idColumn], out var days))
            {
                rows[fields[idColumn]] = days = [];
            }

            days[date] = (units, price);
            last = date > last ? date : last;
            if (eventColumns.Any(c => fields[c].Length > 0))
            {
                eventDays.Add(date);
            }
        }

        return [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Fill(r.Key, r.Value, last, eventDays))];
    }

    private static DemandSeries Fill(string id, SortedDictionary<DateOnly, (float Units, float Price)> days, DateOnly last, HashSet<DateOnly> eventDays)
    {
        var start = days.Keys.First();
        var length = last.DayNumber - start.DayNumber + 1;
        var units = new float[length];
        var prices = new float[length];
        var events = new float[length];
        var price = days.Values.Select(d => d.Price).FirstOrDefault(p => !float.IsNaN(p), 1f);
        for (var day = 0; day < length; day++)
        {
            var date = start.AddDays(day);
            if (days.TryGetValue(date, out var row))
            {
                units[day] = row.Units;
                price = float.IsNaN(row.Price) ? price : row.Price;
            }

            prices[day] = price;
            events[day] = eventDays.Contains(date) ? 1 : 0;
        }

        return new DemandSeries(id, start, units, prices, events);
    }

    /// <summary>Each series cut to its days before <paramref name="cutoff"/>; series that start on or after it are left out.</summary>
    public static IReadOnlyList<DemandSeries> Before(IReadOnlyList<DemandSeries> series, DateOnly cutoff) =>
        [.. series.Where(s => s.Start < cutoff).Select(s =>
        {
            var days = Math.Min(s.Length, cutoff.DayNumber - s.Start.DayNumber);
            return s with { Units = s.Units[..days], Prices = s.Prices[..days], Events = s.Events.Length == 0 ? [] : s.Events[..days] };
        })];
}
