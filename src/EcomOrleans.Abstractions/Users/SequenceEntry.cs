using EcomOrleans.Events;

namespace EcomOrleans.Users;

/// <summary>
/// One event of a user's rolling behaviour sequence, as compact as the engine can keep it: no event or user id
/// (the dedup window keeps a 64-bit hash of those), the SKU and session as shared strings, the query only for a
/// search, quantity and price only where they mean something (carts and purchases).
/// </summary>
/// <param name="Sku">The item acted on; <see langword="null"/> for a search.</param>
/// <param name="Quantity">Units for carts and purchases; 1 otherwise.</param>
/// <param name="Price">Unit price paid or shown, when the client sent it for a cart or purchase event.</param>
/// <param name="Query">The normalised search text, for a search only.</param>
[GenerateSerializer, Immutable, Alias("ecom.SequenceEntry")]
public readonly record struct SequenceEntry(
    [property: Id(0)] EventKind Kind,
    [property: Id(1)] string? Sku,
    [property: Id(2)] DateTimeOffset Timestamp,
    [property: Id(3)] string SessionId,
    [property: Id(4)] int Quantity = 1,
    [property: Id(5)] decimal? Price = null,
    [property: Id(6)] string? Query = null)
{
    /// <summary>A view, click, cart or purchase of a SKU: what the sequence model reads.</summary>
    public bool IsItemEvent => Sku is not null && Kind is EventKind.View or EventKind.Click or EventKind.AddToCart or EventKind.Purchase;

    /// <summary>The entry of <paramref name="e"/>, keeping only what the sequence needs.</summary>
    public static SequenceEntry Of(BehaviorEvent e, string? sku, string sessionId) => e.Kind switch
    {
        EventKind.Search => new SequenceEntry(e.Kind, null, e.Timestamp, sessionId, Query: e.Query),
        EventKind.AddToCart or EventKind.RemoveFromCart or EventKind.Purchase => new SequenceEntry(e.Kind, sku, e.Timestamp, sessionId, e.Quantity, e.Price),
        _ => new SequenceEntry(e.Kind, sku, e.Timestamp, sessionId),
    };
}
