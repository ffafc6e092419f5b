using System.Text.Json.Serialization;

namespace EcomOrleans.Client.Models;

/// <summary>What a shopper did; written as the engine's snake_case wire names (<c>add_to_cart</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShopperEventKind>))]
public enum ShopperEventKind
{
    /// <summary><c>view</c>: a product page was shown.</summary>
    [JsonStringEnumMemberName("view")]
    View = 0,

    /// <summary><c>click</c>: an item was clicked, say in a recommendation list.</summary>
    [JsonStringEnumMemberName("click")]
    Click = 1,

    /// <summary><c>search</c>: a query was searched; the event carries <see cref="ShopperEvent.Query"/> and no SKU.</summary>
    [JsonStringEnumMemberName("search")]
    Search = 2,

    /// <summary><c>add_to_cart</c>; the event carries <see cref="ShopperEvent.Quantity"/>.</summary>
    [JsonStringEnumMemberName("add_to_cart")]
    AddToCart = 3,

    /// <summary><c>remove_from_cart</c>; the event carries <see cref="ShopperEvent.Quantity"/>.</summary>
    [JsonStringEnumMemberName("remove_from_cart")]
    RemoveFromCart = 4,

    /// <summary><c>purchase</c>; the event carries <see cref="ShopperEvent.Quantity"/> and takes from stock.</summary>
    [JsonStringEnumMemberName("purchase")]
    Purchase = 5,
}
