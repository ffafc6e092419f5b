namespace EcomOrleans.Insights;

/// <summary>How search queries are spread over <see cref="ISearchDemandGrain"/> shards.</summary>
public static class SearchDemandShards
{
    /// <summary>Number of shards; changing it re-homes counts, so treat it as fixed.</summary>
    public const int Count = 8;

    /// <summary>The shard key for a normalised query, by the engine's <see cref="StableHash"/>.</summary>
    public static string KeyFor(string normalizedQuery) => $"shard-{StableHash.Of(normalizedQuery) % Count}";

    public static IEnumerable<string> AllKeys() => Enumerable.Range(0, Count).Select(i => $"shard-{i}");
}
