namespace EcomOrleans.Client.Models;

/// <summary>One event of a user's rolling sequence, as compact as the engine keeps it (no event or user id).</summary>
/// <param name="Sku">The item acted on; <see langword="null"/> for a search.</param>
/// <param name="Quantity">Units for carts and purchases; 1 otherwise.</param>
/// <param name="Price">Unit price, when one was sent with a cart or purchase event.</param>
/// <param name="Query">The normalised search text, for a search only.</param>
public sealed record ProfileEvent(
    ShopperEventKind Kind,
    string? Sku,
    DateTimeOffset Timestamp,
    string SessionId,
    int Quantity,
    decimal? Price,
    string? Query);
