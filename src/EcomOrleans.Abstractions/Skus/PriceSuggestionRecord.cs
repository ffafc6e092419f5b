namespace EcomOrleans.Skus;

/// <summary>One price suggestion in a SKU's audit trail: what was suggested, from what, and what became of it.</summary>
/// <param name="Status"><c>pending</c> (may be accepted), <c>accepted</c> (the price was changed) or <c>superseded</c> (a newer suggestion, or the SKU changed).</param>
/// <param name="DecidedAt">When it was accepted or superseded; null while pending.</param>
[GenerateSerializer, Immutable, Alias("ecom.PriceSuggestionRecord")]
public sealed record PriceSuggestionRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset MadeAt,
    [property: Id(2)] decimal FromPrice,
    [property: Id(3)] decimal ToPrice,
    [property: Id(4)] decimal Cost,
    [property: Id(5)] string Reason,
    [property: Id(6)] string Status,
    [property: Id(7)] DateTimeOffset? DecidedAt)
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Superseded = "superseded";
}
