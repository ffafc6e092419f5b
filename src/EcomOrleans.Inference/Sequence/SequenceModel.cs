using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using EcomOrleans.Models.Sequence;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Inference.Sequence;

/// <summary>
/// The sequence encoder: left-padded item ids [batch, length] to a user embedding [batch, dim], with the
/// item embedding table [items + 1, dim] (row 0 padding) and the SKU of each row.
/// </summary>
public sealed class SequenceModel : LoadedModel
{
    /// <summary>The registry's plug-in for <c>sequence</c> manifests.</summary>
    public static readonly IModelKind Kind = new ModelKind<SequenceModel>(ModelKinds.Sequence, Load);

    private readonly Dictionary<string, int> _ids;

    private SequenceModel(ModelManifest manifest, string directory, InferenceSession session, float[] table, string[] skus, int dim)
        : base(manifest, directory, session)
    {
        ItemTable = table;
        Skus = skus;
        Dim = dim;
        Quantized = QuantizedItems.TryBuild(table, dim, skus.Length - 1);
        _ids = new Dictionary<string, int>(skus.Length, StringComparer.Ordinal);
        for (var id = 1; id < skus.Length; id++)
        {
            _ids.TryAdd(skus[id], id);
        }

        InputName = manifest.Inputs[0].Name;
        OutputName = manifest.Outputs[0].Name;
        FixedLength = manifest.Inputs[0].Dimension(1);
        MaxLength = FixedLength > 0 ? (int)FixedLength : manifest.MaxLength ?? SequenceContract.DefaultMaxLength;
    }

    /// <summary>Row-major [ItemCount + 1, Dim]; row 0 is padding.</summary>
    public float[] ItemTable { get; }

    /// <summary>The table's 8-bit codes for the scorer's first pass; <see langword="null"/> where the CPU or the width has no 8-bit dot product.</summary>
    internal QuantizedItems? Quantized { get; }

    /// <summary>The SKU of each row; entry 0 is empty (padding).</summary>
    public IReadOnlyList<string> Skus { get; }

    public int Dim { get; }

    /// <summary>Items the model knows (rows of the table minus the padding row).</summary>
    public int ItemCount => Skus.Count - 1;

    /// <summary>Most recent items the model reads.</summary>
    public int MaxLength { get; }

    /// <summary>The input's fixed length, or -1 when any length up to <see cref="MaxLength"/> is accepted.</summary>
    public long FixedLength { get; }

    public string InputName { get; }

    public string OutputName { get; }

    /// <summary>The item id (table row) of <paramref name="sku"/>, or 0 when the model does not know it.</summary>
    public int IdOf(string sku) => _ids.GetValueOrDefault(sku);

    internal static SequenceModel Load(ModelManifest manifest, string directory, InferenceSession session)
    {
        var input = manifest.Inputs.Count == 1 && manifest.Inputs[0] is { ElementType: TensorElementTypes.Int64, Shape.Count: 2 } i ? i : null;
        var output = manifest.Outputs.Count == 1 && manifest.Outputs[0] is { ElementType: TensorElementTypes.Float32, Shape.Count: 2 } o && o.Dimension(1) > 0 ? o : null;
        if (input is null || output is null)
        {
            throw new ModelLoadException(
                $"Model '{manifest.Name}': a sequence model needs one int64 input [batch, length] and one float32 output [batch, dim] with a fixed dim.");
        }

        var dim = (int)output.Dimension(1);
        var skusPath = manifest.PathOf(directory, ModelFileRoles.ItemSkus);
        var skus = ModelFiles.ReadLines(skusPath);
        var table = ModelFiles.ReadFloats(manifest.PathOf(directory, ModelFileRoles.ItemEmbeddings), skus.Length, dim);
        return new SequenceModel(manifest, directory, session, table, skus, dim);
    }
}
