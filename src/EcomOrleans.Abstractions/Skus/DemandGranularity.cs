namespace EcomOrleans.Skus;

/// <summary>The width of a demand bucket.</summary>
public enum DemandGranularity
{
    Hour = 0,
    Day = 1,
}
