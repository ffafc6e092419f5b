// One file for the schema, as onnx.proto is one file: the messages are read together with the spec.
using Google.Protobuf;

namespace EcomOrleans.Training.Onnx;

/// <summary>
/// The part of onnx.proto this project writes, with the official field numbers
/// (github.com/onnx/onnx, onnx/onnx.proto). Each message writes itself; nested messages are
/// written as length-delimited bytes.
/// </summary>
internal abstract class OnnxMessage
{
    public abstract void WriteTo(CodedOutputStream output);

    public byte[] ToByteArray()
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            WriteTo(output);
        }

        return stream.ToArray();
    }

    protected static void WriteMessage(CodedOutputStream output, int field, OnnxMessage message)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(message.ToByteArray()));
    }

    protected static void WriteString(CodedOutputStream output, int field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteString(value);
        }
    }

    protected static void WriteInt64(CodedOutputStream output, int field, long value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    }

    protected static void WritePackedInt64(CodedOutputStream output, int field, IReadOnlyList<long> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var size = values.Sum(CodedOutputStream.ComputeInt64Size);
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteLength(size);
        foreach (var value in values)
        {
            output.WriteInt64(value);
        }
    }
}

/// <summary>TensorProto.DataType values used here.</summary>
internal enum OnnxDataType
{
    Float = 1,
    Int32 = 6,
    Int64 = 7,
    Bool = 9,
}

internal sealed class ModelProto : OnnxMessage
{
    public long IrVersion { get; init; }
    public string ProducerName { get; init; } = "";
    public string ProducerVersion { get; init; } = "";
    public string Domain { get; init; } = "";
    public long ModelVersion { get; init; }
    public string DocString { get; init; } = "";
    public required GraphProto Graph { get; init; }
    public List<OperatorSetIdProto> OpsetImport { get; } = [];
    public List<StringStringEntryProto> MetadataProps { get; } = [];

    public override void WriteTo(CodedOutputStream output)
    {
        WriteInt64(output, 1, IrVersion);
        WriteString(output, 2, ProducerName);
        WriteString(output, 3, ProducerVersion);
        WriteString(output, 4, Domain);
        WriteInt64(output, 5, ModelVersion);
        WriteString(output, 6, DocString);
        WriteMessage(output, 7, Graph);
        foreach (var opset in OpsetImport)
        {
            WriteMessage(output, 8, opset);
        }

        foreach (var entry in MetadataProps)
        {
            WriteMessage(output, 14, entry);
        }
    }
}

internal sealed class OperatorSetIdProto(string domain, long version) : OnnxMessage
{
    public override void WriteTo(CodedOutputStream output)
    {
        WriteString(output, 1, domain);
        WriteInt64(output, 2, version);
    }
}

internal sealed class StringStringEntryProto(string key, string value) : OnnxMessage
{
    public string Key => key;

    public string Value => value;

    public override void WriteTo(CodedOutputStream output)
    {
        WriteString(output, 1, key);
        WriteString(output, 2, value);
    }
}

internal sealed class GraphProto : OnnxMessage
{
    public string Name { get; init; } = "";
    public List<NodeProto> Nodes { get; } = [];
    public List<TensorProto> Initializers { get; } = [];
    public List<ValueInfoProto> Inputs { get; } = [];
    public List<ValueInfoProto> Outputs { get; } = [];

    public override void WriteTo(CodedOutputStream output)
    {
        foreach (var node in Nodes)
        {
            WriteMessage(output, 1, node);
        }

        WriteString(output, 2, Name);
        foreach (var tensor in Initializers)
        {
            WriteMessage(output, 5, tensor);
        }

        foreach (var input in Inputs)
        {
            WriteMessage(output, 11, input);
        }

        foreach (var value in Outputs)
        {
            WriteMessage(output, 12, value);
        }
    }
}

internal sealed class NodeProto : OnnxMessage
{
    public required string OpType { get; init; }
    public string Name { get; init; } = "";
    public List<string> Inputs { get; } = [];
    public List<string> Outputs { get; } = [];
    public List<AttributeProto> Attributes { get; } = [];

    public override void WriteTo(CodedOutputStream output)
    {
        foreach (var input in Inputs)
        {
            // An empty name marks an omitted optional input and must still be written.
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteString(input);
        }

        foreach (var value in Outputs)
        {
            WriteString(output, 2, value);
        }

        WriteString(output, 3, Name);
        WriteString(output, 4, OpType);
        foreach (var attribute in Attributes)
        {
            WriteMessage(output, 5, attribute);
        }
    }
}

/// <summary>An attribute holding one int, one float, one string, a list of ints or floats, or a tensor.</summary>
internal sealed class AttributeProto : OnnxMessage
{
    private const int TypeFloat = 1;
    private const int TypeInt = 2;
    private const int TypeString = 3;
    private const int TypeTensor = 4;
    private const int TypeFloats = 6;
    private const int TypeInts = 7;

    private readonly int _type;
    private readonly long _int;
    private readonly float _float;
    private readonly string? _string;
    private readonly IReadOnlyList<long>? _ints;
    private readonly IReadOnlyList<float>? _floats;
    private readonly TensorProto? _tensor;

    private AttributeProto(string name, int type, long i = 0, float f = 0, string? s = null,
        IReadOnlyList<long>? ints = null, IReadOnlyList<float>? floats = null, TensorProto? tensor = null)
    {
        Name = name;
        _type = type;
        _int = i;
        _float = f;
        _string = s;
        _ints = ints;
        _floats = floats;
        _tensor = tensor;
    }

    public string Name { get; }

    public static AttributeProto Int(string name, long value) => new(name, TypeInt, i: value);

    public static AttributeProto Float(string name, float value) => new(name, TypeFloat, f: value);

    public static AttributeProto String(string name, string value) => new(name, TypeString, s: value);

    public static AttributeProto Ints(string name, params long[] values) => new(name, TypeInts, ints: values);

    public static AttributeProto Floats(string name, params float[] values) => new(name, TypeFloats, floats: values);

    public static AttributeProto Tensor(string name, TensorProto value) => new(name, TypeTensor, tensor: value);

    public override void WriteTo(CodedOutputStream output)
    {
        WriteString(output, 1, Name);
        switch (_type)
        {
            case TypeFloat:
                output.WriteTag(2, WireFormat.WireType.Fixed32);
                output.WriteFloat(_float);
                break;
            case TypeInt:
                WriteInt64(output, 3, _int);
                break;
            case TypeString:
                output.WriteTag(4, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFromUtf8(_string!));
                break;
            case TypeTensor:
                WriteMessage(output, 5, _tensor!);
                break;
            case TypeFloats:
                output.WriteTag(7, WireFormat.WireType.LengthDelimited);
                output.WriteLength(_floats!.Count * 4);
                foreach (var value in _floats)
                {
                    output.WriteFloat(value);
                }

                break;
            case TypeInts:
                WritePackedInt64(output, 8, _ints!);
                break;
        }

        output.WriteTag(20, WireFormat.WireType.Varint);
        output.WriteInt32(_type);
    }
}

/// <summary>A tensor stored as little-endian raw_data.</summary>
internal sealed class TensorProto(string name, OnnxDataType dataType, long[] dims, byte[] rawData) : OnnxMessage
{
    public string Name => name;

    public long[] Dims => dims;

    public static TensorProto FromFloats(string name, float[] values, params long[] dims)
    {
        Check(values.Length, dims);
        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return new TensorProto(name, OnnxDataType.Float, dims, raw);
    }

    public static TensorProto FromInt64s(string name, long[] values, params long[] dims)
    {
        Check(values.Length, dims);
        var raw = new byte[values.Length * sizeof(long)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return new TensorProto(name, OnnxDataType.Int64, dims, raw);
    }

    public override void WriteTo(CodedOutputStream output)
    {
        WritePackedInt64(output, 1, dims);
        output.WriteTag(2, WireFormat.WireType.Varint);
        output.WriteInt32((int)dataType);
        WriteString(output, 8, name);
        output.WriteTag(9, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(rawData));
    }

    private static void Check(int count, long[] dims)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian; this writer assumes a little-endian host.");
        }

        var expected = dims.Aggregate(1L, (a, b) => a * b);
        if (expected != count)
        {
            throw new ArgumentException($"Tensor of {count} values does not fit shape [{string.Join(",", dims)}].");
        }
    }
}

/// <summary>A graph input or output: a tensor of one element type whose dimensions are numbers or symbolic names.</summary>
internal sealed class ValueInfoProto(string name, OnnxDataType elementType, IReadOnlyList<object> dims) : OnnxMessage
{
    public string Name => name;

    public OnnxDataType ElementType => elementType;

    public IReadOnlyList<object> Dims => dims;

    public override void WriteTo(CodedOutputStream output)
    {
        WriteString(output, 1, name);
        WriteMessage(output, 2, new TypeProto(elementType, dims));
    }

    private sealed class TypeProto(OnnxDataType elementType, IReadOnlyList<object> dims) : OnnxMessage
    {
        public override void WriteTo(CodedOutputStream output) => WriteMessage(output, 1, new TensorTypeProto(elementType, dims));
    }

    private sealed class TensorTypeProto(OnnxDataType elementType, IReadOnlyList<object> dims) : OnnxMessage
    {
        public override void WriteTo(CodedOutputStream output)
        {
            output.WriteTag(1, WireFormat.WireType.Varint);
            output.WriteInt32((int)elementType);
            WriteMessage(output, 2, new TensorShapeProto(dims));
        }
    }

    private sealed class TensorShapeProto(IReadOnlyList<object> dims) : OnnxMessage
    {
        public override void WriteTo(CodedOutputStream output)
        {
            foreach (var dim in dims)
            {
                WriteMessage(output, 1, new Dimension(dim));
            }
        }
    }

    private sealed class Dimension(object dim) : OnnxMessage
    {
        public override void WriteTo(CodedOutputStream output)
        {
            switch (dim)
            {
                case string symbol:
                    WriteString(output, 2, symbol);
                    break;
                default:
                    WriteInt64(output, 1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
