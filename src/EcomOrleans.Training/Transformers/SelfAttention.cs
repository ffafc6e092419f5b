using EcomOrleans.Training.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Transformers;

/// <summary>
/// Multi-head scaled dot-product self-attention with its output projection, written out by hand (not
/// nn.MultiheadAttention) so that the ONNX graph it exports is the same arithmetic, operation by operation. Shared by
/// the pre-norm <see cref="TransformerBlock"/> and the post-norm <see cref="BertLayer"/>, which differ only in where
/// their layer norms sit.
/// </summary>
internal sealed class SelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly int _heads;
    private readonly Linear _query;
    private readonly Linear _key;
    private readonly Linear _value;
    private readonly Linear _output;
    private readonly Dropout _dropout;

    public SelfAttention(string name, int dim, int heads, double dropout)
        : base(name)
    {
        if (dim % heads != 0)
        {
            throw new ArgumentException($"Width {dim} is not divisible by {heads} heads.", nameof(heads));
        }

        _heads = heads;
        _query = nn.Linear(dim, dim);
        _key = nn.Linear(dim, dim);
        _value = nn.Linear(dim, dim);
        _output = nn.Linear(dim, dim);
        _dropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    public Linear Query => _query;

    public Linear Key => _key;

    public Linear Value => _value;

    public Linear Output => _output;

    /// <param name="x">[batch, length, dim]</param>
    /// <param name="mask">additive attention mask broadcastable to [batch, heads, length, length]</param>
    /// <returns>The output projection of the attended values, [batch, length, dim] (dropout on the attention weights while training).</returns>
    public override Tensor forward(Tensor x, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var batch = x.shape[0];
        var length = x.shape[1];
        var dim = x.shape[2];
        var headDim = dim / _heads;

        var q = _query.forward(x).view(batch, length, _heads, headDim).transpose(1, 2);
        var k = _key.forward(x).view(batch, length, _heads, headDim).permute(0, 2, 3, 1);
        var v = _value.forward(x).view(batch, length, _heads, headDim).transpose(1, 2);
        var scores = q.matmul(k).mul(1.0 / Math.Sqrt(headDim)).add(mask);
        var weights = _dropout.forward(scores.softmax(-1));
        var attended = weights.matmul(v).transpose(1, 2).reshape(batch, length, dim);
        return _output.forward(attended).MoveToOuterDisposeScope();
    }

    /// <summary>Writes the same computation into <paramref name="graph"/> (inference: no dropout).</summary>
    public string Export(OnnxGraphBuilder graph, string x, string mask, string prefix)
    {
        var dim = _query.weight!.shape[0];
        var headDim = dim / _heads;
        var splitHeads = graph.Int64Vector(prefix + ".split_heads", 0, 0, _heads, headDim);
        var mergeHeads = graph.Int64Vector(prefix + ".merge_heads", 0, 0, dim);
        string Heads(Linear linear, string name, params long[] perm) =>
            graph.Node("Transpose", [graph.Node("Reshape", [graph.Linear(x, linear, prefix + name), splitHeads])],
                AttributeProto.Ints("perm", perm));

        var q = Heads(_query, ".query", 0, 2, 1, 3);
        var k = Heads(_key, ".key", 0, 2, 3, 1);
        var v = Heads(_value, ".value", 0, 2, 1, 3);
        var scores = graph.Add(graph.Mul(graph.MatMul(q, k), graph.Scalar(prefix + ".scale", (float)(1.0 / Math.Sqrt(headDim)))), mask);
        var weights = graph.Node("Softmax", [scores], AttributeProto.Int("axis", -1));
        var attended = graph.Node("Reshape",
            [graph.Node("Transpose", [graph.MatMul(weights, v)], AttributeProto.Ints("perm", 0, 2, 1, 3)), mergeHeads]);
        return graph.Linear(attended, _output, prefix + ".output");
    }
}
