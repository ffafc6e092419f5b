using EcomOrleans.Events;

namespace EcomOrleans.Skus;

/// <summary>What a SKU grain needs of one behaviour event: its dedup key and what it counts.</summary>
/// <param name="Key"><see cref="StableHash.Of(string, string)"/> of user id and event id: a re-sent event has the same key.</param>
/// <param name="Price">Unit price paid or shown, when the client sent it; the catalog price counts otherwise.</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuEvent")]
public sealed record SkuEvent(
    [property: Id(0)] ulong Key,
    [property: Id(1)] EventKind Kind,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal? Price,
    [property: Id(4)] DateTimeOffset Timestamp)
{
    public static SkuEvent Of(BehaviorEvent e) => new(StableHash.Of(e.UserId, e.EventId), e.Kind, e.Quantity, e.Price, e.Timestamp);
}
