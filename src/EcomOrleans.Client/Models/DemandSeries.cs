namespace EcomOrleans.Client.Models;

/// <summary>A SKU's demand at one granularity, oldest bucket first; empty buckets are left out.</summary>
public sealed record DemandSeries(string Sku, DemandGranularity Granularity, IReadOnlyList<DemandBucket> Buckets);
