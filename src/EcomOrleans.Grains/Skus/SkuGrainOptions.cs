namespace EcomOrleans.Grains.Skus;

/// <summary>How much demand history a <see cref="SkuGrain"/> keeps (configuration section <c>Grains:Skus</c>).</summary>
public sealed class SkuGrainOptions
{
    public const string SectionName = "Grains:Skus";

    /// <summary>How long hourly buckets are kept. Default 7 days (168 buckets).</summary>
    public TimeSpan HourlyRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long daily buckets are kept. Default 120 days, enough history for the demand forecaster.</summary>
    public TimeSpan DailyRetention { get; set; } = TimeSpan.FromDays(120);

    /// <summary>
    /// Recent event keys remembered to drop an event a user grain re-sends after a failed write.
    /// Default 512; re-sends come within seconds, so this needs to cover seconds of traffic, not days.
    /// </summary>
    public int DedupWindow { get; set; } = 512;

    /// <summary>Co-viewed SKUs kept per SKU; the least frequent is dropped first. Default 50.</summary>
    public int MaxCoViews { get; set; } = 50;

    internal IEnumerable<string> Validate()
    {
        if (MaxCoViews is < 1 or > 10_000) yield return $"{SectionName}:MaxCoViews must be between 1 and 10000 (was {MaxCoViews}).";
        if (HourlyRetention < TimeSpan.FromHours(1) || HourlyRetention > TimeSpan.FromDays(90)) yield return $"{SectionName}:HourlyRetention must be between 1 hour and 90 days (was {HourlyRetention}).";
        if (DailyRetention < TimeSpan.FromDays(1) || DailyRetention > TimeSpan.FromDays(1_000)) yield return $"{SectionName}:DailyRetention must be between 1 and 1000 days (was {DailyRetention}).";
        if (DedupWindow is < 1 or > 100_000) yield return $"{SectionName}:DedupWindow must be between 1 and 100000 (was {DedupWindow}).";
    }
}
