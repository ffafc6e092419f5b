using EcomOrleans.Training.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Transformers;

/// <summary>
/// A pre-norm transformer encoder block: x + Attention(LN(x)), then x + FFN(LN(x)).
/// Attention is written out by hand (not nn.MultiheadAttention) so that the ONNX graph it
/// exports is the same arithmetic, operation by operation.
/// </summary>
internal sealed class TransformerBlock : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>The additive value for masked attention scores; finite so a fully masked row stays a number.</summary>
    public const float MaskedScore = -1e9f;

    private const double Epsilon = 1e-5;

    private readonly int _heads;
    private readonly bool _gelu;
    private readonly LayerNorm _attentionNorm;
    private readonly Linear _query;
    private readonly Linear _key;
    private readonly Linear _value;
    private readonly Linear _output;
    private readonly LayerNorm _feedForwardNorm;
    private readonly Linear _feedForwardIn;
    private readonly Linear _feedForwardOut;
    private readonly Dropout _dropout;

    public TransformerBlock(string name, int dim, int heads, int feedForward, double dropout, bool gelu)
        : base(name)
    {
        if (dim % heads != 0)
        {
            throw new ArgumentException($"Width {dim} is not divisible by {heads} heads.", nameof(heads));
        }

        _heads = heads;
        _gelu = gelu;
        _attentionNorm = nn.LayerNorm(dim, Epsilon);
        _query = nn.Linear(dim, dim);
        _key = nn.Linear(dim, dim);
        _value = nn.Linear(dim, dim);
        _output = nn.Linear(dim, dim);
        _feedForwardNorm = nn.LayerNorm(dim, Epsilon);
        _feedForwardIn = nn.Linear(dim, feedForward);
        _feedForwardOut = nn.Linear(feedForward, dim);
        _dropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    /// <param name="x">[batch, length, dim]</param>
    /// <param name="mask">additive attention mask broadcastable to [batch, heads, length, length]</param>
    public override Tensor forward(Tensor x, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var batch = x.shape[0];
        var length = x.shape[1];
        var dim = x.shape[2];
        var headDim = dim / _heads;

        var h = _attentionNorm.forward(x);
        var q = _query.forward(h).view(batch, length, _heads, headDim).transpose(1, 2);
        var k = _key.forward(h).view(batch, length, _heads, headDim).permute(0, 2, 3, 1);
        var v = _value.forward(h).view(batch, length, _heads, headDim).transpose(1, 2);
        var scores = q.matmul(k).mul(1.0 / Math.Sqrt(headDim)).add(mask);
        var weights = _dropout.forward(scores.softmax(-1));
        var attended = weights.matmul(v).transpose(1, 2).reshape(batch, length, dim);
        x = x.add(_dropout.forward(_output.forward(attended)));

        var f = _feedForwardIn.forward(_feedForwardNorm.forward(x));
        f = _gelu ? nn.functional.gelu(f) : nn.functional.relu(f);
        x = x.add(_dropout.forward(_feedForwardOut.forward(_dropout.forward(f))));
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Writes the same computation into <paramref name="graph"/> (inference: no dropout).</summary>
    public string Export(OnnxGraphBuilder graph, string x, string mask, string prefix)
    {
        var dim = _query.weight!.shape[0];
        var headDim = dim / _heads;
        var splitHeads = graph.Int64Vector(prefix + ".split_heads", 0, 0, _heads, headDim);
        var mergeHeads = graph.Int64Vector(prefix + ".merge_heads", 0, 0, dim);

        var h = graph.LayerNorm(x, _attentionNorm, prefix + ".attention_norm", Epsilon);
        string Heads(Linear linear, string name, params long[] perm) =>
            graph.Node("Transpose", [graph.Node("Reshape", [graph.Linear(h, linear, prefix + name), splitHeads])],
                AttributeProto.Ints("perm", perm));

        var q = Heads(_query, ".query", 0, 2, 1, 3);
        var k = Heads(_key, ".key", 0, 2, 3, 1);
        var v = Heads(_value, ".value", 0, 2, 1, 3);
        var scores = graph.Add(graph.Mul(graph.MatMul(q, k), graph.Scalar(prefix + ".scale", (float)(1.0 / Math.Sqrt(headDim)))), mask);
        var weights = graph.Node("Softmax", [scores], AttributeProto.Int("axis", -1));
        var attended = graph.Node("Reshape",
            [graph.Node("Transpose", [graph.MatMul(weights, v)], AttributeProto.Ints("perm", 0, 2, 1, 3)), mergeHeads]);
        x = graph.Add(x, graph.Linear(attended, _output, prefix + ".output"));

        var f = graph.Linear(graph.LayerNorm(x, _feedForwardNorm, prefix + ".ffn_norm", Epsilon), _feedForwardIn, prefix + ".ffn_in");
        f = _gelu ? graph.Gelu(f) : graph.Node("Relu", [f]);
        return graph.Add(x, graph.Linear(f, _feedForwardOut, prefix + ".ffn_out"));
    }
}
