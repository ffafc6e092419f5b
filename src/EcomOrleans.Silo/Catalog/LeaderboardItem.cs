using EcomOrleans.Skus;

namespace EcomOrleans.Silo.Catalog;

/// <summary>One SKU on the leaderboard.</summary>
public sealed record LeaderboardItem(
    string Sku, string Category, long Units, long Views, long Purchases, long LostUnits, int Stock, double? DaysOfCover, DateTimeOffset ReportedAt)
{
    public static LeaderboardItem From(string category, SkuStanding s) =>
        new(s.Sku, category, s.Units, s.Views, s.Purchases, s.LostUnits, s.Stock, s.DaysOfCover, s.ReportedAt);
}
