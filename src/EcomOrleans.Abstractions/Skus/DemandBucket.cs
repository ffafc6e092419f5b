namespace EcomOrleans.Skus;

/// <summary>Demand in one hour or one UTC day starting at <paramref name="Start"/>.</summary>
[GenerateSerializer, Immutable, Alias("ecom.DemandBucket")]
public sealed record DemandBucket([property: Id(0)] DateTimeOffset Start, [property: Id(1)] DemandCounts Counts);
