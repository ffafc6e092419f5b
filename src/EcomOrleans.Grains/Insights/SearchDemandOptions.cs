namespace EcomOrleans.Grains.Insights;

/// <summary>Bounds of the search-demand counts (configuration section <c>Grains:SearchDemand</c>).</summary>
public sealed class SearchDemandOptions
{
    public const string SectionName = "Grains:SearchDemand";

    /// <summary>Distinct queries kept per shard; the least searched is dropped first. Default 1,000.</summary>
    public int MaxQueriesPerShard { get; set; } = 1_000;

    internal IEnumerable<string> Validate()
    {
        if (MaxQueriesPerShard is < 1 or > 100_000) yield return $"{SectionName}:MaxQueriesPerShard must be between 1 and 100000 (was {MaxQueriesPerShard}).";
    }
}
