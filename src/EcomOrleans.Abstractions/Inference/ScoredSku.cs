namespace EcomOrleans.Inference;

/// <summary>A SKU and the model's score for it. A struct: a request scores 30 candidates for 10 items, and each was an object.</summary>
[GenerateSerializer, Immutable, Alias("ecom.ScoredSku")]
public readonly record struct ScoredSku([property: Id(0)] string Sku, [property: Id(1)] float Score);
