using EcomOrleans.Training.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Transformers;

/// <summary>
/// A pre-norm transformer encoder block: x + Attention(LN(x)), then x + FFN(LN(x)).
/// </summary>
internal sealed class TransformerBlock : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>The additive value for masked attention scores; finite so a fully masked row stays a number.</summary>
    public const float MaskedScore = -1e9f;

    private const double Epsilon = 1e-5;

    private readonly bool _gelu;
    private readonly LayerNorm _attentionNorm;
    private readonly SelfAttention _attention;
    private readonly LayerNorm _feedForwardNorm;
    private readonly Linear _feedForwardIn;
    private readonly Linear _feedForwardOut;
    private readonly Dropout _dropout;

    public TransformerBlock(string name, int dim, int heads, int feedForward, double dropout, bool gelu)
        : base(name)
    {
        _gelu = gelu;
        _attentionNorm = nn.LayerNorm(dim, Epsilon);
        _attention = new SelfAttention("attention", dim, heads, dropout);
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
        x = x.add(_dropout.forward(_attention.forward(_attentionNorm.forward(x), mask)));

        var f = _feedForwardIn.forward(_feedForwardNorm.forward(x));
        f = _gelu ? nn.functional.gelu(f) : nn.functional.relu(f);
        x = x.add(_dropout.forward(_feedForwardOut.forward(_dropout.forward(f))));
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Writes the same computation into <paramref name="graph"/> (inference: no dropout).</summary>
    public string Export(OnnxGraphBuilder graph, string x, string mask, string prefix)
    {
        var h = graph.LayerNorm(x, _attentionNorm, prefix + ".attention_norm", Epsilon);
        x = graph.Add(x, _attention.Export(graph, h, mask, prefix));

        var f = graph.Linear(graph.LayerNorm(x, _feedForwardNorm, prefix + ".ffn_norm", Epsilon), _feedForwardIn, prefix + ".ffn_in");
        f = _gelu ? graph.Gelu(f) : graph.Node("Relu", [f]);
        return graph.Add(x, graph.Linear(f, _feedForwardOut, prefix + ".ffn_out"));
    }
}
