using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Grains.Insights;

/// <summary>Bounds of the search-demand counts (configuration section <c>Grains:SearchDemand</c>).</summary>
public sealed class SearchDemandOptions
{
    public const string SectionName = "Grains:SearchDemand";

    /// <summary>Distinct queries kept per shard; the least searched is dropped first. Default 1,000.</summary>
    [Range(1, 100_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxQueriesPerShard { get; set; } = 1_000;
}
