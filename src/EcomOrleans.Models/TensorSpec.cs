using System.Text.Json.Serialization;

namespace EcomOrleans.Models;

/// <summary>One input or output of a model, as its manifest describes it.</summary>
/// <param name="ElementType">A <see cref="TensorElementTypes"/> value: int64 or float32.</param>
/// <param name="Shape">Dimensions: a number for a fixed one; -1 or a symbolic name for a dynamic one.</param>
public sealed record TensorSpec(string Name, string ElementType, IReadOnlyList<TensorDimension> Shape, string? Description = null)
{
    /// <summary>The fixed size of dimension <paramref name="axis"/>, or -1 when it is dynamic.</summary>
    public long Dimension(int axis) => Shape[axis].Fixed;

    /// <summary>The shape as the manifest writes it, e.g. <c>[batch, 8]</c>.</summary>
    [JsonIgnore]
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
