namespace EcomOrleans.LoadGen.Datasets;

/// <summary>How often a data set's item appears: all interactions, and those that are purchases.</summary>
public sealed record ItemDemand(long Item, int Interactions, int Purchases);
