namespace EcomOrleans.Client.Models;

/// <summary>One recommended SKU.</summary>
/// <param name="Reason">Why it is there: <c>search</c>, <c>personalized</c>, <c>session_co_view</c>, <c>trending</c> or <c>popular</c>.</param>
public sealed record RecommendedItem(string Sku, float Score, string Reason);
