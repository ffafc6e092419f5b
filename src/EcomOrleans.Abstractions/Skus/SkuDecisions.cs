namespace EcomOrleans.Skus;

/// <summary>A SKU's restock and price decisions, made now from the forecast in force, with the suggestions made so far.</summary>
/// <param name="Suggestions">The price suggestions made, newest first (bounded): the audit trail.</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuDecisions")]
public sealed record SkuDecisions(
    [property: Id(0)] string Sku,
    [property: Id(1)] DateTimeOffset MadeAt,
    [property: Id(2)] SkuForecast Forecast,
    [property: Id(3)] RestockAdvice Restock,
    [property: Id(4)] PriceAdvice Price,
    [property: Id(5)] IReadOnlyList<PriceSuggestionRecord> Suggestions);
