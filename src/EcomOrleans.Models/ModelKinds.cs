namespace EcomOrleans.Models;

/// <summary>The <c>kind</c> values of a manifest; a silo serves at most one model of each kind.</summary>
public static class ModelKinds
{
    public const string Sequence = "sequence";
    public const string Intent = "intent";
    public const string Demand = "demand";

    public static readonly IReadOnlyList<string> All = [Sequence, Intent, Demand];
}
