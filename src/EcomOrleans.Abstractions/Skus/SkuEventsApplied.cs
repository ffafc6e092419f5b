namespace EcomOrleans.Skus;

/// <summary>What a SKU grain tells the user grain that sent it events.</summary>
/// <param name="Category">The SKU's catalog category, or <see langword="null"/> when it has none yet.</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuEventsApplied")]
public sealed record SkuEventsApplied([property: Id(0)] string Sku, [property: Id(1)] string? Category);
