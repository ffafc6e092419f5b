using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcomOrleans.Models;

/// <summary>Reads and writes a <see cref="TensorDimension"/> as a JSON number (fixed) or string (symbolic).</summary>
public sealed class TensorDimensionJsonConverter : JsonConverter<TensorDimension>
{
    public override TensorDimension Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => TensorDimension.Of(reader.GetInt64()),
        JsonTokenType.String => TensorDimension.Named(reader.GetString()!),
        _ => throw new JsonException($"A tensor dimension is a number or a name, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, TensorDimension value, JsonSerializerOptions options)
    {
        if (value.Symbol is { } symbol)
        {
            writer.WriteStringValue(symbol);
        }
        else
        {
            writer.WriteNumberValue(value.Size ?? -1);
        }
    }
}
