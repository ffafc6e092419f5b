namespace EcomOrleans.Silo.Catalog;

/// <summary><c>POST /api/skus/{sku}/price</c>: the suggestion to accept, by the id <c>GET /api/skus/{sku}/decisions</c> gave it.</summary>
public sealed record PriceAcceptRequest(string? SuggestionId);
