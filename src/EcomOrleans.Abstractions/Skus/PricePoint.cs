namespace EcomOrleans.Skus;

/// <summary>A price and what it is expected to earn per day.</summary>
[GenerateSerializer, Immutable, Alias("ecom.PricePoint")]
public sealed record PricePoint(
    [property: Id(0)] decimal Price,
    [property: Id(1)] double UnitsPerDay,
    [property: Id(2)] double RevenuePerDay,
    [property: Id(3)] double MarginPerDay);
