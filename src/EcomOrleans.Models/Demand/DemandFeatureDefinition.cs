namespace EcomOrleans.Models.Demand;

/// <summary>A demand feature with its stable name (what manifests write) and what it is.</summary>
public sealed record DemandFeatureDefinition(DemandFeature Feature, string Name, string Description);
