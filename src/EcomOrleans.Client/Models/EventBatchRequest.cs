namespace EcomOrleans.Client.Models;

/// <summary>The body of <c>POST /api/events</c>.</summary>
internal sealed record EventBatchRequest(IReadOnlyList<ShopperEvent> Events);
