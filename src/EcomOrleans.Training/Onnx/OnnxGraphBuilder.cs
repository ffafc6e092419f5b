using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Onnx;

/// <summary>
/// Builds an ONNX graph node by node with unique value names, then wraps it in a model.
/// IR version 8 with ai.onnx opset 17: ONNX Runtime 1.31.1 accepts both, and opset 17 has
/// LayerNormalization; GELU is written with Erf because Gelu needs opset 20.
/// </summary>
internal sealed class OnnxGraphBuilder(string graphName)
{
    public const long IrVersion = 8;
    public const long Opset = 17;

    private readonly GraphProto _graph = new() { Name = graphName };
    private int _counter;

    public string Input(string name, OnnxDataType type, params object[] dims)
    {
        _graph.Inputs.Add(new ValueInfoProto(name, type, dims));
        return name;
    }

    /// <summary>Exposes <paramref name="value"/> as a graph output called <paramref name="name"/>.</summary>
    public void Output(string value, string name, OnnxDataType type, params object[] dims)
    {
        if (value != name)
        {
            Add("Identity", [value], name);
        }

        _graph.Outputs.Add(new ValueInfoProto(name, type, dims));
    }

    public string Floats(string name, float[] values, params long[] dims)
    {
        var unique = Unique(name);
        _graph.Initializers.Add(TensorProto.FromFloats(unique, values, dims));
        return unique;
    }

    public string Int64s(string name, long[] values, params long[] dims)
    {
        var unique = Unique(name);
        _graph.Initializers.Add(TensorProto.FromInt64s(unique, values, dims));
        return unique;
    }

    /// <summary>A 1-D int64 constant, the usual form of shapes, axes and indices.</summary>
    public string Int64Vector(string name, params long[] values) => Int64s(name, values, values.Length);

    public string Scalar(string name, float value) => Floats(name, [value]);

    /// <summary>Copies a TorchSharp parameter (optionally transposed) into an initializer.</summary>
    public string Weight(string name, Tensor tensor, bool transpose = false)
    {
        using var scope = NewDisposeScope();
        var source = (transpose ? tensor.detach().t() : tensor.detach()).cpu().to(ScalarType.Float32).contiguous();
        return Floats(name, source.data<float>().ToArray(), source.shape);
    }

    public string Node(string opType, IEnumerable<string> inputs, params AttributeProto[] attributes) =>
        Add(opType, inputs, Unique(opType.ToLowerInvariant()), attributes);

    public string[] Node(string opType, IEnumerable<string> inputs, int outputs, params AttributeProto[] attributes)
    {
        var names = Enumerable.Range(0, outputs).Select(_ => Unique(opType.ToLowerInvariant())).ToArray();
        var node = new NodeProto { OpType = opType, Name = Unique("n_" + opType) };
        node.Inputs.AddRange(inputs);
        node.Outputs.AddRange(names);
        node.Attributes.AddRange(attributes);
        _graph.Nodes.Add(node);
        return names;
    }

    public string MatMul(string a, string b) => Node("MatMul", [a, b]);

    public string Add(string a, string b) => Node("Add", [a, b]);

    public string Mul(string a, string b) => Node("Mul", [a, b]);

    /// <summary>y = x W^T + b, the TorchSharp Linear layer.</summary>
    public string Linear(string x, nn.Module<Tensor, Tensor> linear, string name)
    {
        var parameters = linear.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var y = MatMul(x, Weight(name + ".weight_t", parameters["weight"], transpose: true));
        return parameters.TryGetValue("bias", out var bias) ? Add(y, Weight(name + ".bias", bias)) : y;
    }

    public string LayerNorm(string x, nn.Module<Tensor, Tensor> norm, string name, double epsilon)
    {
        var parameters = norm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        return Node("LayerNormalization",
            [x, Weight(name + ".weight", parameters["weight"]), Weight(name + ".bias", parameters["bias"])],
            AttributeProto.Int("axis", -1), AttributeProto.Float("epsilon", (float)epsilon));
    }

    /// <summary>Exact GELU, 0.5 x (1 + erf(x / sqrt 2)), since the Gelu operator needs opset 20.</summary>
    public string Gelu(string x)
    {
        var erf = Node("Erf", [Mul(x, Scalar("inv_sqrt2", (float)(1 / Math.Sqrt(2))))]);
        var onePlus = Add(erf, Scalar("one", 1f));
        return Mul(Mul(x, onePlus), Scalar("half", 0.5f));
    }

    public ModelProto ToModel(string doc, long modelVersion, IReadOnlyDictionary<string, string> metadata)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "EcomOrleans.Training",
            ProducerVersion = typeof(OnnxGraphBuilder).Assembly.GetName().Version?.ToString() ?? "0",
            ModelVersion = modelVersion,
            DocString = doc,
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto("", Opset));
        model.MetadataProps.AddRange(metadata.Select(kv => new StringStringEntryProto(kv.Key, kv.Value)));
        return model;
    }

    private string Add(string opType, IEnumerable<string> inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = Unique("n_" + opType) };
        node.Inputs.AddRange(inputs);
        node.Outputs.Add(output);
        node.Attributes.AddRange(attributes);
        _graph.Nodes.Add(node);
        return output;
    }

    private string Unique(string name) => string.Create(CultureInfo.InvariantCulture, $"{name}_{_counter++}");
}
