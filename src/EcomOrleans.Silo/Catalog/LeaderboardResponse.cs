using EcomOrleans.Skus;

namespace EcomOrleans.Silo.Catalog;

/// <summary><c>GET /api/skus</c>: the leaderboard, from the category boards (never a call per SKU).</summary>
/// <param name="Sort"><c>demand</c>, <c>lostUnits</c> or <c>cover</c>.</param>
/// <param name="Category">The category ranked, or null for every category the catalog lists.</param>
/// <param name="Items">Best first, each as its SKU last reported it (28 days of demand, stock, cover).</param>
public sealed record LeaderboardResponse(string Sort, string? Category, IReadOnlyList<LeaderboardItem> Items);
