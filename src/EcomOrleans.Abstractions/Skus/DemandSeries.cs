namespace EcomOrleans.Skus;

/// <summary>A SKU's demand buckets at one granularity, oldest first; empty buckets are left out.</summary>
[GenerateSerializer, Immutable, Alias("ecom.DemandSeries")]
public sealed record DemandSeries(
    [property: Id(0)] string Sku,
    [property: Id(1)] DemandGranularity Granularity,
    [property: Id(2)] IReadOnlyList<DemandBucket> Buckets);
