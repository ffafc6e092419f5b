namespace EcomOrleans.Skus;

/// <summary>A category's price elasticity across its SKUs' own fits: what a SKU with thin data is shrunk toward.</summary>
/// <param name="Mean">The mean of the SKUs' elasticities.</param>
/// <param name="BetweenSkuVariance">τ²: the spread of true elasticities between SKUs (method of moments).</param>
/// <param name="MeanVariance">The sampling variance of <paramref name="Mean"/>.</param>
/// <param name="Skus">How many SKUs' fits it comes from.</param>
[GenerateSerializer, Immutable, Alias("ecom.CategoryElasticity")]
public sealed record CategoryElasticity(
    [property: Id(0)] double Mean,
    [property: Id(1)] double BetweenSkuVariance,
    [property: Id(2)] double MeanVariance,
    [property: Id(3)] int Skus);
