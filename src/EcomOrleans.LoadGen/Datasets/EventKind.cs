using System.Text.Json.Serialization;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>The behaviour event kinds of the engine's HTTP contract, written in snake case on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventKind>))]
public enum EventKind
{
    [JsonStringEnumMemberName("view")] View,
    [JsonStringEnumMemberName("click")] Click,
    [JsonStringEnumMemberName("search")] Search,
    [JsonStringEnumMemberName("add_to_cart")] AddToCart,
    [JsonStringEnumMemberName("remove_from_cart")] RemoveFromCart,
    [JsonStringEnumMemberName("purchase")] Purchase,
}
