using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Onnx;
using EcomOrleans.Training.Transformers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Intent;

/// <summary>
/// A small BERT-style text classifier: WordPiece embeddings plus learned positions, pre-norm
/// transformer blocks with GELU, mean pooling over the attended tokens, and a linear layer to
/// one logit per intent. Inputs are right-padded; attention_mask is 1 on real tokens.
/// </summary>
internal sealed class IntentClassifier : nn.Module<Tensor, Tensor, Tensor>
{
    private const double Epsilon = 1e-5;

    private readonly Embedding _tokens;
    private readonly Embedding _positions;
    private readonly LayerNorm _embeddingNorm;
    private readonly Dropout _dropout;
    private readonly ModuleList<TransformerBlock> _blocks;
    private readonly LayerNorm _finalNorm;
    private readonly Linear _classifier;

    public IntentClassifier(IntentModelOptions options) : base("intent")
    {
        Options = options;
        _tokens = nn.Embedding(options.VocabularySize, options.Dim, padding_idx: 0);
        _positions = nn.Embedding(options.MaxLength, options.Dim);
        _embeddingNorm = nn.LayerNorm(options.Dim, Epsilon);
        _dropout = nn.Dropout(options.Dropout);
        _blocks = nn.ModuleList(Enumerable.Range(0, options.Layers)
            .Select(i => new TransformerBlock($"block{i}", options.Dim, options.Heads, options.Dim * 4, options.Dropout, gelu: true))
            .ToArray());
        _finalNorm = nn.LayerNorm(options.Dim, Epsilon);
        _classifier = nn.Linear(options.Dim, options.LabelCount);
        RegisterComponents();
    }

    public IntentModelOptions Options { get; }

    /// <summary>Logits [batch, labels] for input ids and attention mask, both int64 [batch, length].</summary>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var length = inputIds.shape[1];
        var present = attentionMask.to(ScalarType.Float32);
        var x = _tokens.forward(inputIds).add(_positions.weight!.narrow(0, 0, length));
        x = _dropout.forward(_embeddingNorm.forward(x));
        var mask = present.neg().add(1).mul(TransformerBlock.MaskedScore).unsqueeze(1).unsqueeze(1);
        foreach (var block in _blocks)
        {
            x = block.forward(x, mask);
        }

        x = _finalNorm.forward(x);
        var pooled = x.mul(present.unsqueeze(-1)).sum(1).div(present.sum(1, keepdim: true));
        return _classifier.forward(_dropout.forward(pooled)).MoveToOuterDisposeScope();
    }

    public ModelProto ExportOnnx(IReadOnlyDictionary<string, string> metadata, long version)
    {
        var g = new OnnxGraphBuilder("intent");
        var ids = g.Input(IntentContract.InputIds, OnnxDataType.Int64, "batch", "sequence");
        var attention = g.Input(IntentContract.AttentionMask, OnnxDataType.Int64, "batch", "sequence");
        var length = g.Node("Slice", [g.Node("Shape", [ids]), g.Int64Vector("one", 1), g.Int64Vector("two", 2)]);
        var present = g.Node("Cast", [attention], AttributeProto.Int("to", (long)OnnxDataType.Float));

        var positions = g.Node("Slice", [g.Weight("positions", _positions.weight!), g.Int64Vector("zero", 0), length, g.Int64Vector("axis0", 0)]);
        var x = g.Add(g.Node("Gather", [g.Weight("tokens", _tokens.weight!), ids], AttributeProto.Int("axis", 0)), positions);
        x = g.LayerNorm(x, _embeddingNorm, "embedding_norm", Epsilon);
        var padding = g.Mul(g.Add(g.Node("Neg", [present]), g.Scalar("one_f", 1f)), g.Scalar("masked", TransformerBlock.MaskedScore));
        var mask = g.Node("Unsqueeze", [padding, g.Int64Vector("axes12", 1, 2)]);
        for (var i = 0; i < _blocks.Count; i++)
        {
            x = _blocks[i].Export(g, x, mask, $"block{i}");
        }

        x = g.LayerNorm(x, _finalNorm, "final_norm", Epsilon);
        var axis1 = g.Int64Vector("axis1", 1);
        var summed = g.Node("ReduceSum", [g.Mul(x, g.Node("Unsqueeze", [present, g.Int64Vector("last", -1)])), axis1], AttributeProto.Int("keepdims", 0));
        var counted = g.Node("ReduceSum", [present, axis1], AttributeProto.Int("keepdims", 1));
        var logits = g.Linear(g.Node("Div", [summed, counted]), _classifier, "classifier");
        g.Output(logits, IntentContract.Logits, OnnxDataType.Float, "batch", Options.LabelCount);
        return g.ToModel("Intent classifier: WordPiece ids and attention mask to one logit per intent.", version, metadata);
    }
}
