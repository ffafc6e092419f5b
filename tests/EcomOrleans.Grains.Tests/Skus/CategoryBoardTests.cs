using EcomOrleans.Grains.Skus;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Tests.Skus;

public sealed class CategoryBoardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);

    private static SkuStanding Standing(string sku, long units, long lost = 0, double? cover = null, long views = 0, long purchases = 0, double? b = null, double? se = null) =>
        new(sku, units, views, purchases, lost, 10, cover, b, se, Now);

    [Fact]
    public void Leaders_EachSort_RanksAsTheLeaderboardSays()
    {
        var board = new CategoryBoard(new(StringComparer.Ordinal), 100);
        board.Report(Standing("a", units: 5, lost: 0, cover: 30));
        board.Report(Standing("b", units: 9, lost: 4, cover: 2));
        board.Report(Standing("c", units: 1, lost: 7, cover: null));
        board.Report(Standing("d", units: 9, lost: 0, cover: 2));

        Assert.Equal(["b", "d", "a", "c"], board.Leaders(LeaderboardSort.Demand, 10).Select(s => s.Sku)); // ties by units, then SKU
        Assert.Equal(["c", "b"], board.Leaders(LeaderboardSort.LostUnits, 10).Select(s => s.Sku)); // only SKUs that lost some
        Assert.Equal(["b", "d", "a"], board.Leaders(LeaderboardSort.Cover, 10).Select(s => s.Sku)); // fewest days first; no demand, no cover
        Assert.Equal(["b"], board.Leaders(LeaderboardSort.Demand, 1).Select(s => s.Sku));
    }

    [Fact]
    public void Report_SameSkuAgain_ReplacesItsStanding()
    {
        var board = new CategoryBoard(new(StringComparer.Ordinal), 100);
        board.Report(Standing("a", units: 5));
        board.Report(Standing("a", units: 2));

        Assert.Equal(2, Assert.Single(board.Standings.Values).Units);
    }

    [Fact]
    public void Report_BeyondMaxTracked_DropsTheLeastDemandWithoutLostUnitsFirst()
    {
        var board = new CategoryBoard(new(StringComparer.Ordinal), 2);
        board.Report(Standing("lost-some", units: 0, lost: 3));
        board.Report(Standing("slow", units: 1));
        board.Report(Standing("fast", units: 50));

        Assert.Equal(["fast", "lost-some"], board.Standings.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ViewedNotBought_RanksViewsPerPurchaseNeverBoughtFirst()
    {
        var board = new CategoryBoard(new(StringComparer.Ordinal), 100);
        board.Report(Standing("browsed", units: 0, views: 40, purchases: 0));
        board.Report(Standing("sells", units: 20, views: 40, purchases: 20));
        board.Report(Standing("looked-at", units: 1, views: 60, purchases: 1));
        board.Report(Standing("few-views", units: 0, views: 3, purchases: 0));

        // 60 views per purchase before 2; under 10 views is too few to say.
        Assert.Equal(["browsed", "looked-at", "sells"], board.ViewedNotBought(10, minimumViews: 10).Select(s => s.Sku));
    }

    [Fact]
    public void Gaps_SumTheBoard_AndListTheSkusLosingMostAndViewedMostPerPurchase()
    {
        var board = new CategoryBoard(new(StringComparer.Ordinal), 100);
        board.Report(Standing("sold-out", units: 30, lost: 12, views: 50, purchases: 25));
        board.Report(Standing("browsed", units: 0, views: 40, purchases: 0));
        board.Report(Standing("thin", units: 2, lost: 3, views: 12, purchases: 2));
        board.Report(Standing("fine", units: 10, views: 10, purchases: 10));

        var gaps = board.Gaps("makeup", count: 5, minimumViews: 10);

        Assert.Equal(("makeup", 4, 112L, 37L, 42L, 15L), (gaps.Category, gaps.Skus, gaps.Views, gaps.Purchases, gaps.Units, gaps.LostUnits));
        Assert.Equal(["sold-out", "thin"], gaps.LostToStockOuts.Select(s => s.Sku));
        // 40 views and no purchase, then 6 views a purchase, then 2; "fine" sold on every view.
        Assert.Equal(["browsed", "thin", "sold-out"], gaps.ViewedNotBought.Select(s => s.Sku));
        Assert.Equal(["sold-out"], board.Gaps("makeup", count: 1, minimumViews: 10).LostToStockOuts.Select(s => s.Sku));
    }

    [Fact]
    public void Elasticity_FitsOfThreeSkus_IsTheirMethodOfMomentsPrior()
    {
        var board = new CategoryBoard(new(StringComparer.Ordinal), 100);
        board.Report(Standing("a", 1, b: -1, se: 0.1));
        board.Report(Standing("b", 1, b: -2, se: 0.1));
        board.Report(Standing("c", 1, b: -3, se: 0.1));
        board.Report(Standing("no-fit", 1));

        // Mean -2; sample variance ((1 + 0 + 1) / 2) = 1; tau² = 1 - 0.01 = 0.99; the mean's variance 1 / 3.
        var prior = board.Elasticity()!;
        Assert.Equal((-2.0, 3), (prior.Mean, prior.Skus));
        Assert.Equal(0.99, prior.BetweenSkuVariance, 12);
        Assert.Equal(1 / 3.0, prior.MeanVariance, 12);
    }

    [Fact]
    public void Elasticity_OneFit_IsNone()
    {
        var board = new CategoryBoard(new(StringComparer.Ordinal), 100);
        board.Report(Standing("a", 1, b: -1, se: 0.1));

        Assert.Null(board.Elasticity());
    }
}
