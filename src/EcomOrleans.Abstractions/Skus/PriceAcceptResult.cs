namespace EcomOrleans.Skus;

/// <summary>The answer to accepting a price suggestion: the outcome, the SKU as it is now, the suggestion, and why in words.</summary>
[GenerateSerializer, Immutable, Alias("ecom.PriceAcceptResult")]
public sealed record PriceAcceptResult(
    [property: Id(0)] PriceAcceptance Outcome,
    [property: Id(1)] SkuSnapshot? Sku,
    [property: Id(2)] PriceSuggestionRecord? Suggestion,
    [property: Id(3)] string Detail);
