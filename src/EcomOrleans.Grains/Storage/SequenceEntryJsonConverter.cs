using System.Text.Json;
using System.Text.Json.Serialization;
using EcomOrleans.Events;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Storage;

/// <summary>
/// A <see cref="SequenceEntry"/> in stored state: <c>Kind</c>, <c>Sku</c>, <c>Timestamp</c> and <c>SessionId</c>,
/// then <c>Quantity</c> only when it is not 1 and <c>Price</c> and <c>Query</c> only when set. The reflection form
/// (every property, <c>IsItemEvent</c> too) wrote about 45 more characters an entry, 2 KB a full shopper, on every
/// write; it still reads. Grain storage only: the HTTP API writes the profile's entries in full.
/// </summary>
public sealed class SequenceEntryJsonConverter : JsonConverter<SequenceEntry>
{
    private static readonly EventKindJsonConverter Kinds = new();

    public override SequenceEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A sequence entry must be a JSON object.");
        }

        EventKind? kind = null;
        string? sku = null;
        DateTimeOffset? timestamp = null;
        string? sessionId = null;
        var quantity = 1;
        decimal? price = null;
        string? query = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Names compared as UTF-8 bytes: no string built for each of them.
            var field = reader.ValueTextEquals("Kind"u8) ? 0
                : reader.ValueTextEquals("Sku"u8) ? 1
                : reader.ValueTextEquals("Timestamp"u8) ? 2
                : reader.ValueTextEquals("SessionId"u8) ? 3
                : reader.ValueTextEquals("Quantity"u8) ? 4
                : reader.ValueTextEquals("Price"u8) ? 5
                : reader.ValueTextEquals("Query"u8) ? 6
                : -1;
            reader.Read();
            switch (field)
            {
                case 0: kind = Kinds.Read(ref reader, typeof(EventKind), options); break;
                case 1: sku = reader.GetString(); break;
                case 2: timestamp = reader.GetDateTimeOffset(); break;
                case 3: sessionId = reader.GetString(); break;
                case 4: quantity = reader.GetInt32(); break;
                case 5: price = reader.TokenType == JsonTokenType.Null ? null : reader.GetDecimal(); break;
                case 6: query = reader.GetString(); break;
                default: reader.Skip(); break; // IsItemEvent (derived), or a property of a later layout
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("A sequence entry's object did not end.");
        }

        if (kind is null || timestamp is null || sessionId is null)
        {
            throw new JsonException("A sequence entry needs Kind, Timestamp and SessionId.");
        }

        return new SequenceEntry(kind.Value, sku, timestamp.Value, sessionId, quantity, price, query);
    }

    public override void Write(Utf8JsonWriter writer, SequenceEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(nameof(SequenceEntry.Kind));
        Kinds.Write(writer, value.Kind, options);
        writer.WriteString(nameof(SequenceEntry.Sku), value.Sku);
        writer.WriteString(nameof(SequenceEntry.Timestamp), value.Timestamp);
        writer.WriteString(nameof(SequenceEntry.SessionId), value.SessionId);
        if (value.Quantity != 1)
        {
            writer.WriteNumber(nameof(SequenceEntry.Quantity), value.Quantity);
        }

        if (value.Price is { } price)
        {
            writer.WriteNumber(nameof(SequenceEntry.Price), price);
        }

        if (value.Query is { } query)
        {
            writer.WriteString(nameof(SequenceEntry.Query), query);
        }

        writer.WriteEndObject();
    }
}
