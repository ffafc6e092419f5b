namespace EcomOrleans.Inference;

[GenerateSerializer, Immutable, Alias("ecom.ScoredSku")]
public sealed record ScoredSku([property: Id(0)] string Sku, [property: Id(1)] float Score);
