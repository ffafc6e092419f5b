using EcomOrleans.LoadGen.Replay;

namespace EcomOrleans.LoadGen.Tests.Replay;

public sealed class GrainCallCounterTests
{
    [Fact]
    public void Difference_TwoSnapshots_ListsTheCallsBetweenThemMostFirstAndLeavesOutMethodsNotCalled()
    {
        var before = new Dictionary<string, long> { ["IUserGrain.RecommendAsync"] = 10, ["ISkuGrain.GetCoViewedAsync"] = 4 };
        var after = new Dictionary<string, long>
        {
            ["IUserGrain.RecommendAsync"] = 12,
            ["ISkuGrain.GetCoViewedAsync"] = 4,
            ["IInferenceGrain.TopItemsAsync"] = 5,
            ["ITrendingGrain.GetTrendingAsync"] = 2,
        };

        var difference = GrainCallCounter.Difference(before, after);

        Assert.Equal(
            [("IInferenceGrain.TopItemsAsync", 5L), ("ITrendingGrain.GetTrendingAsync", 2L), ("IUserGrain.RecommendAsync", 2L)],
            difference);
    }
}
