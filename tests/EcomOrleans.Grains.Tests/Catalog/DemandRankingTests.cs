using EcomOrleans.Catalog;
using EcomOrleans.Grains.Catalog;

namespace EcomOrleans.Grains.Tests.Catalog;

public sealed class DemandRankingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TopTrending_OrderHoldsAsTimePasses_ScoresDecayToNow()
    {
        var ranking = new DemandRanking([], capacity: 10, halfLife: TimeSpan.FromHours(1));
        ranking.Report(new SkuDemandReport("old-strong", "c", 8, T0, 0), T0);
        ranking.Report(new SkuDemandReport("new-weak", "c", 5, T0.AddHours(1), 0), T0.AddHours(1));

        var atTwo = ranking.TopTrending(10, T0.AddHours(2));

        // At 2 h: 8 is two half-lives old (2), 5 is one (2.5).
        Assert.Equal([new RankedSku("new-weak", 2.5), new RankedSku("old-strong", 2)], atTwo);
    }

    [Fact]
    public void Report_PastCapacity_DropsTheWeakestTenthInOneGo()
    {
        var ranking = new DemandRanking([], capacity: 10, halfLife: TimeSpan.FromHours(1));
        for (var i = 1; i <= 11; i++)
        {
            ranking.Report(new SkuDemandReport($"s{i}", "c", 0, T0, Units: i), T0);
        }

        Assert.Equal(10, ranking.Count);
        Assert.DoesNotContain(ranking.TopUnits(20), r => r.Sku == "s1");
        Assert.Equal(new RankedSku("s11", 11), ranking.TopUnits(1)[0]);
    }

    [Fact]
    public void Leaders_BestOfEitherRanking_EachOnce()
    {
        var ranking = new DemandRanking([], capacity: 10, halfLife: TimeSpan.FromHours(1));
        ranking.Report(new SkuDemandReport("hot", "c", 9, T0, 1), T0);
        ranking.Report(new SkuDemandReport("seller", "c", 1, T0, 90), T0);
        ranking.Report(new SkuDemandReport("both", "c", 8, T0, 80), T0);
        ranking.Report(new SkuDemandReport("neither", "c", 0.5, T0, 0), T0);

        Assert.Equal(["hot", "both", "seller"], ranking.Leaders(2, T0).Select(r => r.Sku));
    }
}
