namespace EcomOrleans.Grains.Skus;

/// <summary>Finding, creating and pruning time buckets in a list kept sorted by start.</summary>
public static class DemandBuckets
{
    public static DateTimeOffset HourStart(DateTimeOffset t)
    {
        var utc = t.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public static DateTimeOffset DayStart(DateTimeOffset t) => new(t.UtcDateTime.Date, TimeSpan.Zero);

    /// <summary>The bucket starting at <paramref name="start"/>, created in order if absent.</summary>
    public static DemandCountsState GetOrAdd(List<DemandCountsState> buckets, DateTimeOffset start)
    {
        // Most events are for the newest bucket, so search from the end.
        var index = buckets.Count;
        while (index > 0 && buckets[index - 1].Start > start)
        {
            index--;
        }

        if (index > 0 && buckets[index - 1].Start == start)
        {
            return buckets[index - 1];
        }

        var bucket = new DemandCountsState { Start = start };
        buckets.Insert(index, bucket);
        return bucket;
    }

    /// <summary>Drops buckets that start before <paramref name="cutoff"/>.</summary>
    public static void Prune(List<DemandCountsState> buckets, DateTimeOffset cutoff)
    {
        var stale = 0;
        while (stale < buckets.Count && buckets[stale].Start < cutoff)
        {
            stale++;
        }

        buckets.RemoveRange(0, stale);
    }
}
