namespace EcomOrleans.Insights;

/// <summary>A search a shopper ran; <paramref name="Sku"/> is the item it led to, if the client said.</summary>
[GenerateSerializer, Immutable, Alias("ecom.SearchObserved")]
public sealed record SearchObserved(
    [property: Id(0)] string Query,
    [property: Id(1)] string? Sku,
    [property: Id(2)] DateTimeOffset Timestamp);
