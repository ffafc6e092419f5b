namespace EcomOrleans.Training.Common;

/// <param name="ElementType">int64 or float32.</param>
/// <param name="Shape">Dimensions; -1 or a symbolic name for dynamic ones.</param>
internal sealed record TensorSpec(string Name, string ElementType, IReadOnlyList<object> Shape, string? Description = null);
