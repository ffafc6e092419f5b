using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcomOrleans.Events;

/// <summary>
/// Writes an <see cref="EventKind"/> as its <see cref="EventKinds"/> wire name, and reads that. It also reads the
/// enum's number, which grain state written before the wire names were the one vocabulary holds; requests never
/// reach it with a number (the API reads a kind as text and validates it).
/// </summary>
public sealed class EventKindJsonConverter : JsonConverter<EventKind>
{
    public override EventKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String when EventKinds.TryParse(reader.GetString(), out var kind) => kind,
        JsonTokenType.Number when reader.TryGetInt32(out var number) && Enum.IsDefined((EventKind)number) => (EventKind)number,
        _ => throw new JsonException($"An event kind must be one of {string.Join(", ", EventKinds.AllWireNames)}."),
    };

    public override void Write(Utf8JsonWriter writer, EventKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(EventKinds.WireName(value));
}
