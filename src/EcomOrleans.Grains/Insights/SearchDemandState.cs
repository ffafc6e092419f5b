namespace EcomOrleans.Grains.Insights;

/// <summary>The persisted state of a <see cref="SearchDemandGrain"/>.</summary>
[GenerateSerializer, Alias("ecom.SearchDemandState")]
public sealed class SearchDemandState
{
    [Id(0)] public Dictionary<string, SearchQueryState> Queries { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Alias("ecom.SearchQueryState")]
public sealed class SearchQueryState
{
    [Id(0)] public long Searches { get; set; }

    [Id(1)] public long WithoutItem { get; set; }

    [Id(2)] public DateTimeOffset LastSeen { get; set; }
}
