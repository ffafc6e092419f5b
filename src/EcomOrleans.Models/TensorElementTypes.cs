namespace EcomOrleans.Models;

/// <summary>The <c>elementType</c> values of a tensor spec.</summary>
public static class TensorElementTypes
{
    public const string Float32 = "float32";
    public const string Float64 = "float64";
    public const string Int64 = "int64";
    public const string Int32 = "int32";
}
