namespace EcomOrleans.Grains.Catalog;

/// <summary>How demand is ranked for the fallbacks (configuration section <c>Grains:Trending</c>).</summary>
public sealed class TrendingOptions
{
    public const string SectionName = "Grains:Trending";

    /// <summary>Time for a SKU's trending score to halve without new demand. Default 1 hour.</summary>
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often at most a SKU grain reports its demand. Default 15 seconds (the dashboards' scrape).</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>SKUs a category's ranking keeps; past it, the weakest tenth is dropped in one go. Default 2,000.</summary>
    public int MaxTrackedPerCategory { get; set; } = 2_000;

    /// <summary>SKUs of each ranking a category sends to the catalog-wide one every report interval. Default 100.</summary>
    public int LeadersPerCategory { get; set; } = 100;

    /// <summary>
    /// How often the ranking is written to storage when it changed (and at deactivation). Default 1 minute:
    /// the ranking is derived data that SKUs report again, so a crash loses at most this much of it.
    /// </summary>
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromMinutes(1);

    internal IEnumerable<string> Validate()
    {
        if (HalfLife <= TimeSpan.Zero) yield return $"{SectionName}:HalfLife must be positive (was {HalfLife}).";
        if (ReportInterval < TimeSpan.Zero) yield return $"{SectionName}:ReportInterval must not be negative (was {ReportInterval}).";
        if (PersistInterval < TimeSpan.FromSeconds(1)) yield return $"{SectionName}:PersistInterval must be at least 1 second (was {PersistInterval}).";
        if (MaxTrackedPerCategory is < 10 or > 1_000_000) yield return $"{SectionName}:MaxTrackedPerCategory must be between 10 and 1000000 (was {MaxTrackedPerCategory}).";
        if (LeadersPerCategory is < 1 or > 10_000) yield return $"{SectionName}:LeadersPerCategory must be between 1 and 10000 (was {LeadersPerCategory}).";
    }
}
