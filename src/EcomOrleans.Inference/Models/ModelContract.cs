using EcomOrleans.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EcomOrleans.Inference.Models;

/// <summary>Checks a manifest's inputs and outputs against the ONNX session's metadata, naming the model and tensor on a mismatch.</summary>
internal static class ModelContract
{
    public static void Check(ModelManifest manifest, string onnxPath, InferenceSession session)
    {
        Check(manifest, "input", manifest.Inputs, session.InputMetadata, onnxPath);
        Check(manifest, "output", manifest.Outputs, session.OutputMetadata, onnxPath);
    }

    /// <summary>The element type as manifests write it: float32, int64, ...</summary>
    public static string ElementTypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => TensorElementTypes.Float32,
        TensorElementType.Double => TensorElementTypes.Float64,
        TensorElementType.Int64 => TensorElementTypes.Int64,
        TensorElementType.Int32 => TensorElementTypes.Int32,
        _ => type.ToString().ToLowerInvariant(),
    };

    private static void Check(ModelManifest manifest, string what, IReadOnlyList<TensorSpec> specs, IReadOnlyDictionary<string, NodeMetadata> metadata, string onnxPath)
    {
        foreach (var spec in specs)
        {
            if (!metadata.TryGetValue(spec.Name, out var node))
            {
                throw new ModelLoadException(
                    $"Model '{manifest.Name}': the manifest's {what} '{spec.Name}' is not an {what} of {onnxPath} (its {what}s: {string.Join(", ", metadata.Keys)}).");
            }

            var elementType = ElementTypeName(node.ElementDataType);
            if (elementType != spec.ElementType)
            {
                throw new ModelLoadException($"Model '{manifest.Name}': {what} '{spec.Name}' is {elementType} in {onnxPath} but {spec.ElementType} in the manifest.");
            }

            var dims = node.Dimensions;
            var matches = dims.Length == spec.Shape.Count && dims.Select((d, axis) => spec.Dimension(axis) is var expected && (expected >= 0 ? d == expected : d < 0)).All(m => m);
            if (!matches)
            {
                var actual = "[" + string.Join(", ", dims.Select((d, axis) => d >= 0 ? $"{d}" : node.SymbolicDimensions[axis] is { Length: > 0 } name ? name : "-1")) + "]";
                throw new ModelLoadException($"Model '{manifest.Name}': {what} '{spec.Name}' has shape {actual} in {onnxPath} but {spec.ShapeText} in the manifest.");
            }
        }

        foreach (var name in metadata.Keys.Where(n => specs.All(s => s.Name != n)))
        {
            throw new ModelLoadException($"Model '{manifest.Name}': {onnxPath} has {what} '{name}', which the manifest does not describe.");
        }
    }
}
