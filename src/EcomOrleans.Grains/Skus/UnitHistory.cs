namespace EcomOrleans.Grains.Skus;

/// <summary>
/// The units sold each day, one entry a day without gaps, over <see cref="SkuDemandState.UnitHistory"/>: days are
/// added as demand arrives (a day with views and no sale is a 0), and the oldest dropped past the retention. State
/// written before the list existed gets it rebuilt from the daily buckets once.
/// </summary>
public sealed class UnitHistory
{
    private readonly SkuDemandState _state;

    private UnitHistory(SkuDemandState state) => _state = state;

    private List<int> Days => _state.UnitHistory!;

    /// <summary>The history over <paramref name="state"/>, rebuilt from its daily buckets when it has none.</summary>
    public static UnitHistory Of(SkuDemandState state)
    {
        if (state.UnitHistory is null)
        {
            state.UnitHistory = [];
            var history = new UnitHistory(state);
            foreach (var bucket in state.Daily)
            {
                history.Add(SkuForecasting.DayOf(bucket.Start), bucket.Units);
            }

            return history;
        }

        return new UnitHistory(state);
    }

    /// <summary>Counts <paramref name="units"/> (0 for demand that was not a sale) on <paramref name="day"/>, adding the days up to it.</summary>
    public void Add(DateOnly day, long units)
    {
        if (Days.Count == 0)
        {
            _state.UnitHistoryStart = day;
            Days.Add(0);
        }
        else if (day < _state.UnitHistoryStart)
        {
            Days.InsertRange(0, new int[_state.UnitHistoryStart.DayNumber - day.DayNumber]);
            _state.UnitHistoryStart = day;
        }

        var index = day.DayNumber - _state.UnitHistoryStart.DayNumber;
        while (Days.Count <= index)
        {
            Days.Add(0);
        }

        // A day's units saturate at int.MaxValue rather than wrap; no SKU sells two billion in a day.
        Days[index] = (int)Math.Clamp(Days[index] + units, 0, int.MaxValue);
    }

    /// <summary>Drops the days before <paramref name="cutoff"/>.</summary>
    public void DropBefore(DateOnly cutoff)
    {
        var stale = Math.Clamp(cutoff.DayNumber - _state.UnitHistoryStart.DayNumber, 0, Days.Count);
        if (stale > 0)
        {
            Days.RemoveRange(0, stale);
            _state.UnitHistoryStart = cutoff;
        }
    }

    /// <summary>The days from the first one kept to the day before <paramref name="today"/>, days after the last with demand as 0 units.</summary>
    public (DateOnly FirstDay, float[] Units) Before(DateOnly today)
    {
        var length = Days.Count == 0 ? 0 : Math.Max(0, today.DayNumber - _state.UnitHistoryStart.DayNumber);
        var units = new float[length];
        for (var t = 0; t < Math.Min(length, Days.Count); t++)
        {
            units[t] = Days[t];
        }

        return (length == 0 ? today : _state.UnitHistoryStart, units);
    }
}
