namespace EcomOrleans.Inference;

/// <summary>A SKU's daily history, oldest first, one entry per consecutive UTC day (days without sales have 0 units).</summary>
/// <param name="FirstDay">The date of <c>Units[0]</c>.</param>
/// <param name="Units">Units sold per day.</param>
/// <param name="Prices">Selling price per day (the same length as <paramref name="Units"/>).</param>
[GenerateSerializer, Immutable, Alias("ecom.DemandHistory")]
public sealed record DemandHistory(
    [property: Id(0)] string Sku,
    [property: Id(1)] DateOnly FirstDay,
    [property: Id(2)] float[] Units,
    [property: Id(3)] float[] Prices);
