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

    private readonly int _heads;
    private readonly Linear _query;
    private readonly Linear _key;
    private readonly Linear _value;
    private readonly Linear _output;
    private readonly LayerNorm _attentionNorm;
    private readonly Linear _feedForwardIn;
    private readonly Linear _feedForwardOut;
    private readonly LayerNorm _outputNorm;
    private readonly Dropout _dropout;

    public BertLayer(string name, int dim, int heads, int feedForward, double dropout)
        : base(name)
    {
        _heads = heads;
        _query = nn.Linear(dim, dim);
        _key = nn.Linear(dim, dim);
        _value = nn.Linear(dim, dim);
        _output = nn.Linear(dim, dim);
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
        var batch = x.shape[0];
        var length = x.shape[1];
        var dim = x.shape[2];
        var headDim = dim / _heads;

        var q = _query.forward(x).view(batch, length, _heads, headDim).transpose(1, 2);
        var k = _key.forward(x).view(batch, length, _heads, headDim).permute(0, 2, 3, 1);
        var v = _value.forward(x).view(batch, length, _heads, headDim).transpose(1, 2);
        var scores = q.matmul(k).div(Math.Sqrt(headDim)).add(mask);
        var weights = _dropout.forward(scores.softmax(-1));
        var attended = weights.matmul(v).transpose(1, 2).reshape(batch, length, dim);
        var a = _attentionNorm.forward(x.add(_dropout.forward(_output.forward(attended))));
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

        Dense(_query, "attention.self.query");
        Dense(_key, "attention.self.key");
        Dense(_value, "attention.self.value");
        Dense(_output, "attention.output.dense");
        Norm(_attentionNorm, "attention.output.LayerNorm");
        Dense(_feedForwardIn, "intermediate.dense");
        Dense(_feedForwardOut, "output.dense");
        Norm(_outputNorm, "output.LayerNorm");
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
        var scores = graph.Add(graph.Node("Div", [graph.MatMul(q, k), graph.Scalar(prefix + ".sqrt_head", (float)Math.Sqrt(headDim))]), mask);
        var weights = graph.Node("Softmax", [scores], AttributeProto.Int("axis", -1));
        var attended = graph.Node("Reshape",
            [graph.Node("Transpose", [graph.MatMul(weights, v)], AttributeProto.Ints("perm", 0, 2, 1, 3)), mergeHeads]);
        var a = graph.LayerNorm(graph.Add(x, graph.Linear(attended, _output, prefix + ".output")), _attentionNorm, prefix + ".attention_norm", Epsilon);
        var f = graph.Linear(graph.Gelu(graph.Linear(a, _feedForwardIn, prefix + ".ffn_in")), _feedForwardOut, prefix + ".ffn_out");
        return graph.LayerNorm(graph.Add(a, f), _outputNorm, prefix + ".output_norm", Epsilon);
    }
}
