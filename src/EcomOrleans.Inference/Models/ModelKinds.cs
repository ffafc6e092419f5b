namespace EcomOrleans.Inference.Models;

/// <summary>The <c>kind</c> values of a manifest; each kind has at most one loaded model.</summary>
public static class ModelKinds
{
    public const string Sequence = "sequence";
    public const string Intent = "intent";
    public const string Demand = "demand";

    public static readonly IReadOnlyList<string> All = [Sequence, Intent, Demand];
}
