using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Grains.Insights;

/// <summary>Bounds of the search-demand counts (configuration section <c>Grains:SearchDemand</c>).</summary>
public sealed class SearchDemandOptions
{
    public const string SectionName = "Grains:SearchDemand";

    /// <summary>
    /// Distinct queries kept per shard; the least searched is dropped first. Default 400 (3,200 over the 8 shards): a
    /// shard of 200-character queries then stores under a third of Azure Tables' 960 KB a state.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxQueriesPerShard { get; set; } = 400;
}
