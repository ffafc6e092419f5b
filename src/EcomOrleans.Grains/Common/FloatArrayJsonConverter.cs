using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcomOrleans.Grains.Common;

/// <summary>
/// Writes a <c>float[]</c> as base64 of little-endian IEEE 754 singles (344 characters for a 64-wide embedding, where
/// numbers take about 700); reads that, or the JSON array of numbers state written before it holds.
/// </summary>
public sealed class FloatArrayJsonConverter : JsonConverter<float[]>
{
    public override float[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var bytes = reader.GetBytesFromBase64();
                if (bytes.Length % sizeof(float) != 0)
                {
                    throw new JsonException("A vector's base64 must hold a whole number of 4-byte floats.");
                }

                var vector = new float[bytes.Length / sizeof(float)];
                for (var i = 0; i < vector.Length; i++)
                {
                    vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
                }

                return vector;
            case JsonTokenType.StartArray:
                var values = new List<float>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    values.Add(reader.GetSingle());
                }

                return [.. values];
            default:
                throw new JsonException("A vector is a base64 string or an array of numbers.");
        }
    }

    public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options)
    {
        var bytes = new byte[value.Length * sizeof(float)];
        for (var i = 0; i < value.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), value[i]);
        }

        writer.WriteBase64StringValue(bytes);
    }
}
