namespace EcomOrleans.Insights;

/// <summary>How search queries are spread over <see cref="ISearchDemandGrain"/> shards.</summary>
public static class SearchDemandShards
{
    /// <summary>Number of shards; changing it re-homes counts, so treat it as fixed.</summary>
    public const int Count = 8;

    /// <summary>The shard key for a normalised query (stable across processes: FNV-1a, not string.GetHashCode).</summary>
    public static string KeyFor(string normalizedQuery)
    {
        var hash = 2166136261u;
        foreach (var c in normalizedQuery)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return $"shard-{hash % Count}";
    }

    public static IEnumerable<string> AllKeys() => Enumerable.Range(0, Count).Select(i => $"shard-{i}");
}
