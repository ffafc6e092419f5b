namespace EcomOrleans.Client.Models;

/// <summary>One of a user's recent sessions.</summary>
public sealed record SessionSummary(string SessionId, DateTimeOffset Started, DateTimeOffset LastSeen, int Events);
