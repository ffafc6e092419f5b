namespace EcomOrleans.LoadGen.Datasets;

/// <summary>An OTTO event: article id, time in Unix milliseconds, and <c>clicks</c>, <c>carts</c> or <c>orders</c>.</summary>
public sealed record OttoEvent(long Aid, long Ts, string Type);
