namespace EcomOrleans.Insights;

/// <summary>
/// One shard of the search-demand counts (key: <c>shard-{n}</c>, see <see cref="SearchDemandShards"/>):
/// what shoppers search for, kept as normalised query text with bounded cardinality.
/// </summary>
[Alias("ecom.ISearchDemandGrain")]
public interface ISearchDemandGrain : IGrainWithStringKey
{
    /// <summary>Counts searches; returns once durable.</summary>
    [Alias("RecordSearches")]
    Task RecordSearchesAsync(IReadOnlyList<SearchObserved> searches);

    /// <summary>The most searched queries of this shard, most first.</summary>
    [Alias("GetTop")]
    Task<IReadOnlyList<SearchQueryCount>> GetTopAsync(int count);
}
