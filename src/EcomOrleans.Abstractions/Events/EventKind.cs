namespace EcomOrleans.Events;

/// <summary>What a shopper did. The wire names are snake_case (<c>add_to_cart</c>).</summary>
public enum EventKind
{
    View = 0,
    Click = 1,
    Search = 2,
    AddToCart = 3,
    RemoveFromCart = 4,
    Purchase = 5,
}
