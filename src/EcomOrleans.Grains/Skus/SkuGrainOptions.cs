using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Grains.Skus;

/// <summary>How much demand history a <see cref="SkuGrain"/> keeps (configuration section <c>Grains:Skus</c>).</summary>
public sealed class SkuGrainOptions : IValidatableObject
{
    public const string SectionName = "Grains:Skus";

    /// <summary>How long hourly buckets are kept. Default 7 days (168 buckets).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan HourlyRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long daily buckets are kept. Default 120 days: the price history and the last 28 days' standing read them; the forecaster reads the longer <see cref="UnitHistoryRetention"/>.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "1000.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan DailyRetention { get; set; } = TimeSpan.FromDays(120);

    /// <summary>
    /// How long the units sold a day (one number a day) are kept for the forecaster. Default 728 days: the two years the
    /// seasonal indices are measured over (docs/demand.md).
    /// </summary>
    [Range(typeof(TimeSpan), "14.00:00:00", "3660.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan UnitHistoryRetention { get; set; } = TimeSpan.FromDays(728);

    /// <summary>
    /// Recent event keys remembered to drop an event a user grain re-sends after a failed write.
    /// Default 512; re-sends come within seconds, so this needs to cover seconds of traffic, not days.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = OptionsMessages.Between)]
    public int DedupWindow { get; set; } = 512;

    /// <summary>Co-viewed SKUs kept per SKU; the least frequent is dropped first. Default 50.</summary>
    [Range(1, 10_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxCoViews { get; set; } = 50;

    /// <summary>
    /// How long an activation serves reads from memory before it asks the store whether its two records are still
    /// what it last read or wrote (ETag). Default 30 s (two small reads per read SKU per 30 s); 0 asks on every read.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan StoredStateRecheck { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UnitHistoryRetention < DailyRetention)
        {
            // The forecaster reads the unit history; shorter than the buckets, it would forecast from less than it used to.
            yield return new ValidationResult(
                $"{SectionName}:{nameof(UnitHistoryRetention)} must be at least {nameof(DailyRetention)}, {DailyRetention}", [nameof(UnitHistoryRetention)]);
        }
    }
}
