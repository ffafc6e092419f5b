using EcomOrleans.Models;
using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Transformers;

/// <summary>
/// One post-norm BERT encoder layer as Hugging Face's <c>BertLayer</c> computes it: LN(x + Attention(x)), then
/// LN(x + FFN(x)) with exact GELU, LayerNorm ε 1e-12. Its weights can be read from an exported BERT's ONNX file
/// (<see cref="LoadFrom"/>), so a pre-trained encoder's top layers can be trained further and exported back.
/// </summary>
internal sealed class BertLayer : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>The additive score of a masked key, as BERT's own export writes it: (1 − mask) × −10000.</summary>
    public const float MaskedScore = -10000f;

    private const double Epsilon = 1e-12;

    private readonly SelfAttention _attention;
    private readonly LayerNorm _attentionNorm;
    private readonly Linear _feedForwardIn;
    private readonly Linear _feedForwardOut;
    private readonly LayerNorm _outputNorm;
    private readonly Dropout _dropout;

    public BertLayer(string name, int dim, int heads, int feedForward, double dropout)
        : base(name)
    {
        _attention = new SelfAttention("attention", dim, heads, dropout);
        _attentionNorm = nn.LayerNorm(dim, Epsilon);
        _feedForwardIn = nn.Linear(dim, feedForward);
        _feedForwardOut = nn.Linear(feedForward, dim);
        _outputNorm = nn.LayerNorm(dim, Epsilon);
        _dropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    /// <param name="x">[batch, length, dim]</param>
    /// <param name="mask">additive key mask broadcastable to [batch, heads, length, length]</param>
    public override Tensor forward(Tensor x, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var a = _attentionNorm.forward(x.add(_dropout.forward(_attention.forward(x, mask))));
        var f = _feedForwardOut.forward(nn.functional.gelu(_feedForwardIn.forward(a)));
        return _outputNorm.forward(a.add(_dropout.forward(f))).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Copies layer <paramref name="layer"/> of a PyTorch-exported BERT (Hugging Face names, as all-MiniLM-L6-v2's
    /// model.onnx has them) into this module.
    /// </summary>
    public void LoadFrom(IReadOnlyList<EncoderNode> nodes, IReadOnlyDictionary<string, EncoderTensor> initializers, int layer)
    {
        var prefix = $"encoder.layer.{layer}.";
        EncoderTensor Initializer(string name) => initializers.TryGetValue(name, out var found)
            ? found
            : throw new ModelContractException($"The encoder has no float initializer '{name}' stored as raw data.");

        void Dense(Linear linear, string name)
        {
            var bias = prefix + name + ".bias";
            var weight = Initializer(EncoderGraph.DenseWeight(nodes, bias));
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            // The export's weight is [in, out] (x · W); a Linear holds [out, in].
            linear.weight!.copy_(tensor(weight.Values, weight.Dims).t());
            linear.bias!.copy_(tensor(Initializer(bias).Values));
        }

        void Norm(LayerNorm norm, string name)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            norm.weight!.copy_(tensor(Initializer(prefix + name + ".weight").Values));
            norm.bias!.copy_(tensor(Initializer(prefix + name + ".bias").Values));
        }

        Dense(_attention.Query, "attention.self.query");
        Dense(_attention.Key, "attention.self.key");
        Dense(_attention.Value, "attention.self.value");
        Dense(_attention.Output, "attention.output.dense");
        Norm(_attentionNorm, "attention.output.LayerNorm");
        Dense(_feedForwardIn, "intermediate.dense");
        Dense(_feedForwardOut, "output.dense");
        Norm(_outputNorm, "output.LayerNorm");
    }

    /// <summary>Writes the same computation into <paramref name="graph"/> (inference: no dropout).</summary>
    public string Export(OnnxGraphBuilder graph, string x, string mask, string prefix)
    {
        var a = graph.LayerNorm(graph.Add(x, _attention.Export(graph, x, mask, prefix)), _attentionNorm, prefix + ".attention_norm", Epsilon);
        var f = graph.Linear(graph.Gelu(graph.Linear(a, _feedForwardIn, prefix + ".ffn_in")), _feedForwardOut, prefix + ".ffn_out");
        return graph.LayerNorm(graph.Add(a, f), _outputNorm, prefix + ".output_norm", Epsilon);
    }
}
