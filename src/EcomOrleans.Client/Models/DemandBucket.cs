namespace EcomOrleans.Client.Models;

/// <summary>Demand in the hour or UTC day that starts at <paramref name="Start"/>.</summary>
public sealed record DemandBucket(DateTimeOffset Start, DemandCounts Counts);
