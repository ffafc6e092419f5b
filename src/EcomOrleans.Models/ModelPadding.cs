namespace EcomOrleans.Models;

/// <summary>The <c>padding</c> values of a manifest: which side of a sequence input is padded with 0.</summary>
public static class ModelPadding
{
    public const string Left = "left";
    public const string Right = "right";
    public const string None = "none";
}
