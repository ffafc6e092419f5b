namespace EcomOrleans.Skus;

/// <summary>The elasticity a price decision used, with its interval and source.</summary>
/// <param name="Source"><c>own</c> (the SKU's own fit), <c>shrunk</c> (own fit shrunk toward the category) or <c>category_prior</c>.</param>
/// <param name="OwnWeight">The weight of the SKU's own estimate (1 own, 0 category only).</param>
/// <param name="Observations">Days with sales the own fit used (0 without one).</param>
[GenerateSerializer, Immutable, Alias("ecom.ElasticityView")]
public sealed record ElasticityView(
    [property: Id(0)] double Estimate,
    [property: Id(1)] double Lower,
    [property: Id(2)] double Upper,
    [property: Id(3)] double ConfidenceLevel,
    [property: Id(4)] string Source,
    [property: Id(5)] double OwnWeight,
    [property: Id(6)] int Observations,
    [property: Id(7)] string Reason);
