using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Grains.Catalog;

/// <summary>How demand is ranked for the fallbacks (configuration section <c>Grains:Trending</c>).</summary>
public sealed class TrendingOptions
{
    public const string SectionName = "Grains:Trending";

    /// <summary>Time for a SKU's trending score to halve without new demand. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often at most a SKU grain reports its demand. Default 15 seconds (the dashboards' scrape).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// SKUs a category's ranking keeps; past it, the weakest tenth is dropped in one go. Default 1,000: ten times what a
    /// fallback asks for at most, and a stored ranking under a third of Azure Tables' 960 KB a state.
    /// </summary>
    [Range(10, 1_000_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxTrackedPerCategory { get; set; } = 1_000;

    /// <summary>
    /// SKUs the catalog-wide ranking keeps of the leaders the categories send; past it, the weakest tenth is dropped.
    /// Default 1,000: ten times what a fallback asks for at most (<c>Grains:Recommendations:MaxCount</c>), and a bound on
    /// its stored state however many categories the catalog has.
    /// </summary>
    [Range(100, 1_000_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxTrackedCatalogWide { get; set; } = 1_000;

    /// <summary>SKUs of each ranking a category sends to the catalog-wide one every report interval. Default 100.</summary>
    [Range(1, 10_000, ErrorMessage = OptionsMessages.Between)]
    public int LeadersPerCategory { get; set; } = 100;

    /// <summary>
    /// How often the ranking is written to storage when it changed (and at deactivation). Default 1 minute:
    /// the ranking is derived data that SKUs report again, so a crash loses at most this much of it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether a ranking is saved as its grain deactivates because the silo stops. Not configuration: the engine's
    /// composition sets it false on the in-memory store, whose state goes with the process (and whose storage grains
    /// are already stopping, so the write would only fail noisily). Default true.
    /// </summary>
    public bool SaveWhenSiloStops { get; set; } = true;
}
