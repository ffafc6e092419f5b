using System.Text.Json.Serialization;

namespace EcomOrleans.Events;

/// <summary>What a shopper did. The wire names (<c>add_to_cart</c>) are <see cref="EventKinds"/>' and nowhere else.</summary>
[JsonConverter(typeof(EventKindJsonConverter))]
public enum EventKind
{
    View = 0,
    Click = 1,
    Search = 2,
    AddToCart = 3,
    RemoveFromCart = 4,
    Purchase = 5,
}
