using EcomOrleans.Models.Sequence;
using EcomOrleans.Training.Onnx;
using EcomOrleans.Training.Transformers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Sequence;

/// <summary>
/// SASRec: a causal (left-to-right) transformer over a LEFT-padded item-id sequence. The hidden
/// state at each position predicts the next item by dot product with the shared item embedding
/// table; the state at the last position is the user embedding. Position embeddings count from
/// the end of the window, so a sequence shorter than <see cref="MaxLength"/> needs no padding to
/// the full window and the newest item always sits at the same position.
/// </summary>
internal sealed class SasRecModel : nn.Module<Tensor, Tensor>
{
    private const double FinalEpsilon = 1e-5;

    private readonly Embedding _items;
    private readonly Embedding _positions;
    private readonly Dropout _dropout;
    private readonly ModuleList<TransformerBlock> _blocks;
    private readonly LayerNorm _finalNorm;

    public SasRecModel(SasRecOptions options) : base("sasrec")
    {
        Options = options;
        _items = nn.Embedding(options.ItemCount + 1, options.Dim, padding_idx: 0);
        _positions = nn.Embedding(options.MaxLength, options.Dim);
        _dropout = nn.Dropout(options.Dropout);
        _blocks = nn.ModuleList(Enumerable.Range(0, options.Layers)
            .Select(i => new TransformerBlock($"block{i}", options.Dim, options.Heads, options.Dim * 4, options.Dropout, gelu: true))
            .ToArray());
        _finalNorm = nn.LayerNorm(options.Dim, FinalEpsilon);
        RegisterComponents();
        using (no_grad())
        {
            nn.init.normal_(_items.weight!, 0, 0.02);
            _items.weight![0].zero_();
            nn.init.normal_(_positions.weight!, 0, 0.02);
        }
    }

    public SasRecOptions Options { get; }

    /// <summary>The item embedding table [items + 1, dim]; row 0 is padding.</summary>
    public Tensor ItemTable => _items.weight!;

    /// <summary>Hidden states [batch, length, dim] for left-padded item ids [batch, length].</summary>
    public override Tensor forward(Tensor itemIds)
    {
        using var scope = NewDisposeScope();
        var length = itemIds.shape[1];
        var present = itemIds.ne(0).to(ScalarType.Float32);
        var positions = _positions.weight!.narrow(0, Options.MaxLength - length, length);
        var x = _items.forward(itemIds).mul(Math.Sqrt(Options.Dim)).add(positions);
        x = _dropout.forward(x).mul(present.unsqueeze(-1));

        var causal = ones(length, length, device: itemIds.device).triu(1).mul(TransformerBlock.MaskedScore);
        var mask = causal.add(present.neg().add(1).mul(TransformerBlock.MaskedScore).unsqueeze(1).unsqueeze(1));
        foreach (var block in _blocks)
        {
            x = block.forward(x, mask);
        }

        return _finalNorm.forward(x).MoveToOuterDisposeScope();
    }

    /// <summary>The user embedding [batch, dim]: the hidden state at the last position.</summary>
    public Tensor UserEmbedding(Tensor itemIds)
    {
        using var scope = NewDisposeScope();
        return forward(itemIds).select(1, -1).MoveToOuterDisposeScope();
    }

    /// <summary>Exports item_ids int64 [batch, length] to user_embedding float [batch, dim].</summary>
    public ModelProto ExportOnnx(IReadOnlyDictionary<string, string> metadata, long version)
    {
        var g = new OnnxGraphBuilder("sasrec");
        var ids = g.Input(SequenceContract.Input, OnnxDataType.Int64, "batch", "length");
        var zero = g.Int64s("zero", [0]);
        var length = g.Node("Slice", [g.Node("Shape", [ids]), g.Int64Vector("one", 1), g.Int64Vector("two", 2)]);

        var present = g.Node("Cast", [g.Node("Not", [g.Node("Equal", [ids, zero])])], AttributeProto.Int("to", (long)OnnxDataType.Float));
        var positions = g.Node("Slice",
            [g.Weight("positions", _positions.weight!), g.Node("Sub", [g.Int64Vector("max_length", Options.MaxLength), length]),
             g.Int64Vector("max_length", Options.MaxLength), g.Int64Vector("axis0", 0)]);
        var embedded = g.Node("Gather", [g.Weight("items", _items.weight!), ids], AttributeProto.Int("axis", 0));
        var x = g.Add(g.Mul(embedded, g.Scalar("sqrt_dim", (float)Math.Sqrt(Options.Dim))), positions);
        x = g.Mul(x, g.Node("Unsqueeze", [present, g.Int64Vector("last_axis", -1)]));

        var causalTable = new float[Options.MaxLength * Options.MaxLength];
        for (var i = 0; i < Options.MaxLength; i++)
        {
            for (var j = i + 1; j < Options.MaxLength; j++)
            {
                causalTable[(i * Options.MaxLength) + j] = TransformerBlock.MaskedScore;
            }
        }

        var causal = g.Node("Slice",
            [g.Floats("causal", causalTable, Options.MaxLength, Options.MaxLength), g.Int64Vector("origin", 0, 0),
             g.Node("Concat", [length, length], AttributeProto.Int("axis", 0)), g.Int64Vector("axes01", 0, 1)]);
        var padding = g.Mul(g.Add(g.Node("Neg", [present]), g.Scalar("one_f", 1f)), g.Scalar("masked", TransformerBlock.MaskedScore));
        var mask = g.Add(causal, g.Node("Unsqueeze", [padding, g.Int64Vector("axes12", 1, 2)]));

        for (var i = 0; i < _blocks.Count; i++)
        {
            x = _blocks[i].Export(g, x, mask, $"block{i}");
        }

        x = g.LayerNorm(x, _finalNorm, "final_norm", FinalEpsilon);
        var user = g.Node("Gather", [x, g.Int64s("last", [-1])], AttributeProto.Int("axis", 1));
        g.Output(user, SequenceContract.Output, OnnxDataType.Float, "batch", Options.Dim);
        return g.ToModel("SASRec user encoder: left-padded item ids to the user embedding.", version, metadata);
    }
}
