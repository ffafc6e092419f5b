using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcomOrleans.Events;

/// <summary>Writes and reads an <see cref="EventKind"/> as its <see cref="EventKinds"/> wire name.</summary>
public sealed class EventKindJsonConverter : JsonConverter<EventKind>
{
    public override EventKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && EventKinds.TryParse(reader.GetString(), out var kind)
            ? kind
            : throw new JsonException($"An event kind must be one of {string.Join(", ", EventKinds.AllWireNames)}.");

    public override void Write(Utf8JsonWriter writer, EventKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(EventKinds.WireName(value));
}
