using System.Text.Json;

namespace EcomOrleans.Inference.Models;

/// <param name="ElementType">int64 or float32.</param>
/// <param name="Shape">Dimensions: a number for a fixed one; -1 or a symbolic name for a dynamic one.</param>
public sealed record TensorSpec(string Name, string ElementType, IReadOnlyList<JsonElement> Shape)
{
    /// <summary>The fixed size of dimension <paramref name="axis"/>, or -1 when it is dynamic.</summary>
    public long Dimension(int axis) =>
        Shape[axis].ValueKind == JsonValueKind.Number ? Shape[axis].GetInt64() : -1;

    /// <summary>The shape as the manifest writes it, e.g. <c>[batch, 8]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape.Select(d => d.ValueKind == JsonValueKind.String ? d.GetString() : d.GetRawText())) + "]";
}
