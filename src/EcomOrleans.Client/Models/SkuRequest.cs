namespace EcomOrleans.Client.Models;

/// <summary>The body of <c>PUT /api/skus/{sku}</c>: a SKU's catalog facts.</summary>
/// <param name="Price">Selling price, greater than 0, at most 1,000,000.</param>
/// <param name="Cost">Unit cost, 0 to 1,000,000.</param>
/// <param name="Stock">Units on hand; replaces the engine's count. Purchases take from it.</param>
/// <param name="LeadTimeDays">Days from a restock order to the shelf, 0-365.</param>
public sealed record SkuRequest(string Title, string Category, string Brand, decimal Price, decimal Cost, int Stock, int LeadTimeDays);
