using System.Text.Json.Serialization;
using EcomOrleans.Events;

namespace EcomOrleans.Users;

/// <summary>
/// One event of a user's rolling behaviour sequence, as compact as the engine can keep it: no event or user id
/// (the dedup window keeps a 64-bit hash of those), the SKU and session as shared strings, the query only for a
/// search, quantity and price only where they mean something (carts and purchases).
/// </summary>
/// <remarks>
/// 40 bytes in a list, against 72 as a positional record (a <see cref="DateTimeOffset"/> is 16 with its padding and a
/// <c>decimal?</c> 24): the time is kept as UTC ticks and an offset in minutes, the kind as a byte, and the query or
/// price (searches have one, carts and purchases the other) share one reference. The JSON is the positional
/// record's, property for property, so state written before this layout reads unchanged.
/// </remarks>
[GenerateSerializer(IncludePrimaryConstructorParameters = false), Immutable, Alias("ecom.SequenceEntry")]
public readonly record struct SequenceEntry
{
    [Id(1)] private readonly string? _sku;
    [Id(3)] private readonly string _sessionId;

    /// <summary>The query (string), the price (boxed decimal), both (<see cref="PricedQuery"/>) or nothing.</summary>
    [Id(5)] private readonly object? _extra;
    [Id(2)] private readonly long _utcTicks;
    [Id(4)] private readonly int _quantity;
    [Id(6)] private readonly short _offsetMinutes;
    [Id(0)] private readonly byte _kind;

    /// <param name="Kind">What the user did.</param>
    /// <param name="Sku">The item acted on; <see langword="null"/> for a search.</param>
    /// <param name="Timestamp">When it happened; its offset is kept (whole minutes, as <see cref="DateTimeOffset"/> holds it).</param>
    /// <param name="SessionId">The session it happened in.</param>
    /// <param name="Quantity">Units for carts and purchases; 1 otherwise.</param>
    /// <param name="Price">Unit price paid or shown, when the client sent it for a cart or purchase event.</param>
    /// <param name="Query">The normalised search text, for a search only.</param>
    /// <remarks>NOTE: the parameters are named as the properties, as a positional record's are: callers name them (<c>Query:</c>) and JSON binds them.</remarks>
    [JsonConstructor]
    public SequenceEntry(
        EventKind Kind, string? Sku, DateTimeOffset Timestamp, string SessionId, int Quantity = 1, decimal? Price = null, string? Query = null)
    {
        _kind = (byte)Kind;
        _sku = Sku;
        _utcTicks = Timestamp.UtcTicks;
        _offsetMinutes = (short)Timestamp.TotalOffsetMinutes;
        _sessionId = SessionId;
        _quantity = Quantity;
        _extra = (Price, Query) switch
        {
            (null, null) => null,
            (null, { } q) => q,
            ({ } p, null) => p,
            ({ } p, { } q) => new PricedQuery(p, q),
        };
    }

    public EventKind Kind => (EventKind)_kind;

    public string? Sku => _sku;

    public DateTimeOffset Timestamp => new DateTimeOffset(_utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(_offsetMinutes));

    public string SessionId => _sessionId;

    public int Quantity => _quantity;

    public decimal? Price => _extra switch
    {
        decimal p => p,
        PricedQuery both => both.Price,
        _ => null,
    };

    public string? Query => _extra switch
    {
        string q => q,
        PricedQuery both => both.Query,
        _ => null,
    };

    /// <summary>A view, click, cart or purchase of a SKU: what the sequence model reads.</summary>
    public bool IsItemEvent => Sku is not null && Kind is EventKind.View or EventKind.Click or EventKind.AddToCart or EventKind.Purchase;

    /// <summary>The UTC ticks of <see cref="Timestamp"/>, for ordering without building it.</summary>
    [JsonIgnore]
    public long UtcTicks => _utcTicks;

    /// <summary>The entry of <paramref name="e"/>, keeping only what the sequence needs.</summary>
    public static SequenceEntry Of(BehaviorEvent e, string? sku, string sessionId) => e.Kind switch
    {
        EventKind.Search => new SequenceEntry(e.Kind, null, e.Timestamp, sessionId, Query: e.Query),
        EventKind.AddToCart or EventKind.RemoveFromCart or EventKind.Purchase => new SequenceEntry(e.Kind, sku, e.Timestamp, sessionId, e.Quantity, e.Price),
        _ => new SequenceEntry(e.Kind, sku, e.Timestamp, sessionId),
    };
}

/// <summary>The rare entry that carries both a price and a query (no event the engine records does; the state size bound's worst case does).</summary>
[GenerateSerializer, Immutable, Alias("ecom.SequenceEntry.PricedQuery")]
public sealed record PricedQuery([property: Id(0)] decimal Price, [property: Id(1)] string Query);
