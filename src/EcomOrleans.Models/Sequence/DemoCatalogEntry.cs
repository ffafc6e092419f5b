namespace EcomOrleans.Models.Sequence;

/// <summary>One SKU of a demo catalog: the facts <c>PUT /api/skus/{sku}</c> takes.</summary>
/// <param name="Price">Selling price per unit, &gt; 0.</param>
/// <param name="Cost">Unit cost, 0 or more.</param>
/// <param name="Stock">Units on hand, 0 or more.</param>
/// <param name="LeadTimeDays">Days from a restock order to units on hand, 0 or more.</param>
public sealed record DemoCatalogEntry(
    string Sku, string Title, string Category, string Brand, decimal Price, decimal Cost, int Stock, int LeadTimeDays);
