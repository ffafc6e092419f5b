namespace EcomOrleans.Users;

/// <summary>One of the user's recent sessions.</summary>
[GenerateSerializer, Immutable, Alias("ecom.SessionSummary")]
public sealed record SessionSummary(
    [property: Id(0)] string SessionId,
    [property: Id(1)] DateTimeOffset Started,
    [property: Id(2)] DateTimeOffset LastSeen,
    [property: Id(3)] int Events);
