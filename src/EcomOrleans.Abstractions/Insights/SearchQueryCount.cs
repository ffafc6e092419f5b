namespace EcomOrleans.Insights;

/// <summary>How often a normalised query was searched, and how often with no item found.</summary>
[GenerateSerializer, Immutable, Alias("ecom.SearchQueryCount")]
public sealed record SearchQueryCount(
    [property: Id(0)] string Query,
    [property: Id(1)] long Searches,
    [property: Id(2)] long WithoutItem,
    [property: Id(3)] DateTimeOffset LastSeen);
