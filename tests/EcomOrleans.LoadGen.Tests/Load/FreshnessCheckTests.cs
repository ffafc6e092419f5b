using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Load;
using EcomOrleans.LoadGen.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EcomOrleans.LoadGen.Tests.Load;

public sealed class FreshnessCheckTests
{
    private readonly FakeTimeProvider _time = new(TestData.Now);

    [Fact]
    public async Task RunAsync_PurchaseLeavesTheRecommendation_CountsEveryUserChanged()
    {
        var engine = new StubRecommendationEngine(_time);

        var result = await RunAsync(engine, ["u1", "u2"]);

        Assert.Equal((2, 2, 0, 0), (result.Checked, result.Changed, result.Unchanged, result.Skipped));
        Assert.Equal([TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5)], result.Times); // the one GET after the 202
    }

    [Fact]
    public async Task RunAsync_PurchaseIgnored_CountsEveryUserUnchanged()
    {
        var engine = new StubRecommendationEngine(_time) { IgnorePurchases = true };

        var result = await RunAsync(engine, ["u1", "u2"]);

        Assert.Equal((2, 0, 2, 0), (result.Checked, result.Changed, result.Unchanged, result.Skipped));
        Assert.Empty(result.Times);
    }

    [Fact]
    public async Task RunAsync_User_BuysOneOfTheTopSkuWithANewEventIdTimestampedNow()
    {
        var engine = new StubRecommendationEngine(_time);

        await RunAsync(engine, ["u1", "u1"]);

        var first = engine.Events[0];
        Assert.Equal(("u1", "purchase", "beauty-1", 1), (first.GetProperty("userId").GetString(), first.GetProperty("kind").GetString(), first.GetProperty("sku").GetString(), first.GetProperty("quantity").GetInt32()));
        Assert.Equal(TestData.Now.AddMilliseconds(5), first.GetProperty("timestamp").GetDateTimeOffset()); // after the first GET
        Assert.Equal("beauty-2", engine.Events[1].GetProperty("sku").GetString()); // beauty-1 was bought: the next top
        Assert.NotEqual(first.GetProperty("eventId").GetString(), engine.Events[1].GetProperty("eventId").GetString());
        Assert.Equal(["u1", "u1", "u1", "u1"], engine.RecommendationRequests);
    }

    [Fact]
    public async Task RunAsync_NothingToBuyOrAnError_SkipsTheUserWithoutPosting()
    {
        var engine = new StubRecommendationEngine(_time)
        {
            EmptyUsers = ["empty"],
            FailingUsers = new() { ["down"] = System.Net.HttpStatusCode.ServiceUnavailable },
        };

        var result = await RunAsync(engine, ["empty", "down", "u1"]);

        Assert.Equal((1, 1, 2), (result.Checked, result.Changed, result.Skipped));
        Assert.Single(engine.Events);
    }

    private Task<FreshnessResult> RunAsync(StubRecommendationEngine engine, IReadOnlyList<string> users)
    {
        var check = new FreshnessCheck(engine.CreateRecommendationClient(10), engine.CreateEngineClient(), _time);
        return check.RunAsync(users, CancellationToken.None);
    }
}
