using EcomOrleans.Skus;

namespace EcomOrleans.Silo.Catalog;

/// <summary>An accepted price suggestion: the SKU at its new price, and the suggestion as the audit trail now records it.</summary>
public sealed record PriceAcceptResponse(SkuResponse Sku, PriceSuggestionRecord Suggestion, string Detail);
