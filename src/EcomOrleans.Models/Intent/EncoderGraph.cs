using System.Runtime.InteropServices;
using System.Text;

namespace EcomOrleans.Models.Intent;

/// <summary>
/// Reads and edits the sentence encoder's ONNX file at the protobuf level (onnx.proto's field numbers), with no ONNX
/// library: finds the tensor a BERT layer ends with, adds it as a graph output so a head can take the encoder's state
/// below its top layers, and lists the float initializers (the weights a training run starts from). The same code
/// serves training and serving, so both cut the encoder at the same tensor.
/// </summary>
public static class EncoderGraph
{
    private const int ModelGraph = 7;
    private const int GraphNode = 1;
    private const int GraphInitializer = 5;
    private const int GraphOutput = 12;
    private const int NodeInput = 1;
    private const int NodeOutput = 2;
    private const int NodeOpType = 4;
    private const int TensorDims = 1;
    private const int TensorDataType = 2;
    private const int TensorName = 8;
    private const int TensorRawData = 9;
    private const int FloatType = 1;
    private const int ValueInfoName = 1;
    private const int ValueInfoType = 2;
    private const int TypeTensorType = 1;
    private const int TensorTypeElement = 1;
    private const int TensorTypeShape = 2;
    private const int ShapeDim = 1;
    private const int DimValue = 1;
    private const int DimParam = 2;

    /// <summary>The graph's nodes, in file order.</summary>
    public static IReadOnlyList<EncoderNode> Nodes(ReadOnlySpan<byte> model)
    {
        var graph = Graph(model, out _);
        var nodes = new List<EncoderNode>();
        foreach (var field in Fields(model.Slice(graph.Start, graph.Length)))
        {
            if (field.Number != GraphNode)
            {
                continue;
            }

            var body = model.Slice(graph.Start + field.Start, field.Length);
            string? op = null;
            List<string> inputs = [], outputs = [];
            foreach (var part in Fields(body))
            {
                var text = part.Wire == 2 ? Encoding.UTF8.GetString(body.Slice(part.Start, part.Length)) : null;
                switch (part.Number)
                {
                    case NodeInput: inputs.Add(text!); break;
                    case NodeOutput: outputs.Add(text!); break;
                    case NodeOpType: op = text; break;
                }
            }

            nodes.Add(new EncoderNode(op ?? "", inputs, outputs));
        }

        return nodes;
    }

    /// <summary>
    /// The tensor BERT layer <paramref name="layer"/> (0-based) ends with: the output of the <c>Add</c> that applies
    /// <c>encoder.layer.{layer}.output.LayerNorm.bias</c>, the layer's last operation.
    /// </summary>
    /// <exception cref="ModelContractException">The graph has no such node.</exception>
    public static string LayerOutput(ReadOnlySpan<byte> model, int layer)
    {
        var bias = $"encoder.layer.{layer}.output.LayerNorm.bias";
        return Nodes(model).FirstOrDefault(n => n.OpType == "Add" && n.Inputs.Contains(bias))?.Outputs[0]
            ?? throw new ModelContractException($"The encoder has no layer {layer}: no Add node reads '{bias}'.");
    }

    /// <summary>
    /// The model with <paramref name="tensor"/> added to its graph's outputs as float32 [batch, sequence,
    /// <paramref name="dimension"/>]; every other byte is kept as it was.
    /// </summary>
    public static byte[] WithOutput(ReadOnlySpan<byte> model, string tensor, int dimension)
    {
        var graph = Graph(model, out var graphField);
        var output = ValueInfo(tensor, dimension);
        var graphBytes = new byte[graph.Length + output.Length];
        model.Slice(graph.Start, graph.Length).CopyTo(graphBytes);
        output.CopyTo(graphBytes.AsSpan(graph.Length));

        using var result = new MemoryStream(model.Length + output.Length + 16);
        result.Write(model[..graphField.TagStart]);
        WriteLengthDelimited(result, ModelGraph, graphBytes);
        result.Write(model[(graph.Start + graph.Length)..]);
        return result.ToArray();
    }

    /// <summary>The float32 initializers stored as raw data, by name.</summary>
    public static IReadOnlyDictionary<string, EncoderTensor> FloatInitializers(ReadOnlySpan<byte> model)
    {
        var graph = Graph(model, out _);
        var tensors = new Dictionary<string, EncoderTensor>(StringComparer.Ordinal);
        foreach (var field in Fields(model.Slice(graph.Start, graph.Length)))
        {
            if (field.Number != GraphInitializer)
            {
                continue;
            }

            var body = model.Slice(graph.Start + field.Start, field.Length);
            string? name = null;
            long type = 0;
            List<long> dims = [];
            float[]? values = null;
            foreach (var part in Fields(body))
            {
                switch (part.Number, part.Wire)
                {
                    case (TensorDims, 0): dims.Add(part.Value); break;
                    case (TensorDims, 2): dims.AddRange(PackedVarints(body.Slice(part.Start, part.Length))); break;
                    case (TensorDataType, 0): type = part.Value; break;
                    case (TensorName, 2): name = Encoding.UTF8.GetString(body.Slice(part.Start, part.Length)); break;
                    case (TensorRawData, 2): values = MemoryMarshal.Cast<byte, float>(body.Slice(part.Start, part.Length)).ToArray(); break;
                }
            }

            if (type == FloatType && name is not null && values is not null)
            {
                tensors[name] = new EncoderTensor(name, [.. dims], values);
            }
        }

        return tensors;
    }

    /// <summary>
    /// The initializer holding the weight of the dense layer whose bias is <paramref name="bias"/>: PyTorch's export
    /// writes <c>x · W + b</c> as a MatMul with an anonymous, already transposed [in, out] weight, then an Add of the
    /// named bias.
    /// </summary>
    public static string DenseWeight(IReadOnlyList<EncoderNode> nodes, string bias)
    {
        var add = nodes.FirstOrDefault(n => n.OpType == "Add" && n.Inputs.Contains(bias))
            ?? throw new ModelContractException($"The encoder has no Add node reading '{bias}'.");
        var product = add.Inputs.First(i => i != bias);
        var matMul = nodes.FirstOrDefault(n => n.OpType == "MatMul" && n.Outputs.Contains(product))
            ?? throw new ModelContractException($"'{bias}' is not added to a MatMul's output.");
        return matMul.Inputs[1];
    }

    private readonly record struct Field(int Number, int Wire, int TagStart, int Start, int Length, long Value);

    private static (int Start, int Length) Graph(ReadOnlySpan<byte> model, out Field field)
    {
        foreach (var f in Fields(model))
        {
            if (f.Number == ModelGraph && f.Wire == 2)
            {
                field = f;
                return (f.Start, f.Length);
            }
        }

        throw new ModelContractException("The ONNX file has no graph.");
    }

    private static List<Field> Fields(ReadOnlySpan<byte> message)
    {
        var fields = new List<Field>();
        var at = 0;
        while (at < message.Length)
        {
            var tagStart = at;
            var key = ReadVarint(message, ref at);
            var number = (int)(key >> 3);
            var wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    fields.Add(new Field(number, wire, tagStart, at, 0, ReadVarint(message, ref at)));
                    break;
                case 1 or 2 or 5:
                    // Fixed 64-bit, length-delimited, fixed 32-bit: a body of known length, which must fit.
                    var length = wire switch { 1 => 8, 5 => 4, _ => (int)ReadVarint(message, ref at) };
                    if (length < 0 || length > message.Length - at)
                    {
                        throw new ModelContractException("The ONNX file is cut short.");
                    }

                    fields.Add(new Field(number, wire, tagStart, at, length, 0));
                    at += length;
                    break;
                default:
                    throw new ModelContractException($"The ONNX file has protobuf wire type {wire}, which onnx.proto does not use.");
            }
        }

        return fields;
    }

    private static long ReadVarint(ReadOnlySpan<byte> data, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= data.Length)
            {
                throw new ModelContractException("The ONNX file is cut short.");
            }

            var b = data[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return (long)value;
            }
        }

        throw new ModelContractException("The ONNX file has a malformed varint.");
    }

    private static IEnumerable<long> PackedVarints(ReadOnlySpan<byte> data)
    {
        var values = new List<long>();
        var at = 0;
        while (at < data.Length)
        {
            values.Add(ReadVarint(data, ref at));
        }

        return values;
    }

    /// <summary>A ValueInfoProto: name, and type float32 tensor [batch, sequence, dimension].</summary>
    private static byte[] ValueInfo(string name, int dimension)
    {
        using var dims = new MemoryStream();
        WriteLengthDelimited(dims, ShapeDim, Message(s => WriteString(s, DimParam, "batch")));
        WriteLengthDelimited(dims, ShapeDim, Message(s => WriteString(s, DimParam, "sequence")));
        WriteLengthDelimited(dims, ShapeDim, Message(s => WriteVarintField(s, DimValue, dimension)));
        var tensorType = Message(s =>
        {
            WriteVarintField(s, TensorTypeElement, FloatType);
            WriteLengthDelimited(s, TensorTypeShape, dims.ToArray());
        });
        var type = Message(s => WriteLengthDelimited(s, TypeTensorType, tensorType));
        var info = Message(s =>
        {
            WriteString(s, ValueInfoName, name);
            WriteLengthDelimited(s, ValueInfoType, type);
        });
        return Message(s => WriteLengthDelimited(s, GraphOutput, info));
    }

    private static byte[] Message(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    private static void WriteString(Stream stream, int field, string value) => WriteLengthDelimited(stream, field, Encoding.UTF8.GetBytes(value));

    private static void WriteVarintField(Stream stream, int field, long value)
    {
        WriteVarint(stream, (ulong)field << 3);
        WriteVarint(stream, (ulong)value);
    }

    private static void WriteLengthDelimited(Stream stream, int field, ReadOnlySpan<byte> bytes)
    {
        WriteVarint(stream, ((ulong)field << 3) | 2);
        WriteVarint(stream, (ulong)bytes.Length);
        stream.Write(bytes);
    }

    private static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }
}
