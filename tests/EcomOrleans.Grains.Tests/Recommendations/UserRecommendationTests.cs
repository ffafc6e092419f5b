using EcomOrleans.Events;
using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Recommendations;
using EcomOrleans.Skus;
using EcomOrleans.Users;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace EcomOrleans.Grains.Tests.Recommendations;

[Collection(ClusterCollection.Name)]
public sealed class UserRecommendationTests(ClusterFixture fixture)
{
    private static DateTimeOffset Now => ClusterFixture.Time.GetUtcNow();

    [Fact]
    public async Task Recommend_Personalized_LeavesOutOutOfStockBoughtAndInCart()
    {
        var (a0, a1, a2, a3, b0, b1) = await ModelCatalogAsync();
        var user = Events.NewKey("u");
        await Record(user, (EventKind.View, a0), (EventKind.Purchase, a2), (EventKind.AddToCart, b0));

        var recommendation = await fixture.Grains.GetGrain<IUserGrain>(user).RecommendAsync(new RecommendationRequest(3, null, null));

        // Embedding a0 + a2 + b0 = [1.9, 1, 0, 0]; a1 (1.71) is out of stock, a2 bought, b0 in the cart.
        Assert.Equal(FakeInferenceGrain.Version, recommendation.ModelVersion);
        Assert.StartsWith("rec-", recommendation.RecommendationId);
        AssertItems([(a0, 1.9f, "personalized"), (a3, 1.33f, "personalized"), (b1, 0.995f, "personalized")], recommendation.Items);
    }

    [Fact]
    public async Task Recommend_WithCategory_ReturnsOnlyThatCategory()
    {
        var (a0, _, a2, _, b0, b1) = await ModelCatalogAsync();
        var user = Events.NewKey("u");
        await Record(user, (EventKind.View, a0), (EventKind.Purchase, a2), (EventKind.AddToCart, b0));

        var recommendation = await fixture.Grains.GetGrain<IUserGrain>(user).RecommendAsync(new RecommendationRequest(5, null, Category(b1)));

        // Category b holds b0 (in the cart) and b1; nothing of category a may appear.
        AssertItems([(b1, 0.995f, "personalized")], recommendation.Items);
    }

    [Fact]
    public async Task Recommend_AfterAnEvent_TheNextRecommendationSeesIt()
    {
        var (a0, _, _, _, b0, b1) = await ModelCatalogAsync();
        var user = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(user);
        await Record(user, (EventKind.View, a0));
        var before = await grain.RecommendAsync(new RecommendationRequest(1, null, null));

        await Record(user, (EventKind.View, b0), (EventKind.View, b1));
        var after = await grain.RecommendAsync(new RecommendationRequest(1, null, null));

        Assert.Equal(a0, before.Items[0].Sku);
        // Embedding a0 + b0 + b1 = [1.15, 1.9, 0, 0]: b0 scores 2.015 and leads now.
        Assert.Equal(b0, after.Items[0].Sku);
    }

    [Fact]
    public async Task Recommend_ColdStart_FallsBackToTrendingThenPopularWithReasons()
    {
        var category = Events.NewKey("cat");
        var rising = await Sku(category, stock: 10);
        var soldOut = await Sku(category, stock: 0);
        var steady = await Sku(category, stock: 10);
        var shopper = Events.NewKey("u");
        await Record(shopper, (EventKind.View, rising), (EventKind.View, rising), (EventKind.View, rising), (EventKind.View, soldOut), (EventKind.View, soldOut), (EventKind.View, soldOut), (EventKind.View, soldOut));
        // Bought a day ago: no longer trending (24 half-lives), still popular.
        var buyer = Events.NewKey("u");
        await fixture.Grains.GetGrain<IUserGrain>(buyer).RecordEventsAsync([Events.Of(buyer, EventKind.Purchase, Now.AddDays(-1), steady, quantity: 2)]);
        // SKU grains report to their category's ranking one way, off the ingest path: wait for both reports to land.
        var ranking = fixture.Grains.GetGrain<global::EcomOrleans.Catalog.ITrendingGrain>(global::EcomOrleans.Catalog.ITrendingGrain.KeyOf(category));
        for (var i = 0; i < 1_000 && !((await ranking.GetTrendingAsync(5)).Any(r => r.Sku == rising) && (await ranking.GetPopularAsync(5)).Any(r => r.Sku == steady)); i++)
        {
            await Task.Yield();
        }

        var recommendation = await fixture.Grains.GetGrain<IUserGrain>(Events.NewKey("unknown")).RecommendAsync(new RecommendationRequest(5, "s-new", category));

        Assert.Equal(RecommendationReasons.NoModel, recommendation.ModelVersion);
        // Three views 7, 6 and 5 seconds ago, with the default 1-hour half-life.
        var risingScore = (float)(Decayed(7) + Decayed(6) + Decayed(5));
        AssertItems([(rising, risingScore, "trending"), (steady, 2f, "popular")], recommendation.Items);
    }

    [Fact]
    public async Task Recommend_SessionWithItemsTheModelDoesNotKnow_UsesSessionCoViews()
    {
        FakeInferenceGrain.Catalog = [];
        var category = Events.NewKey("cat");
        var first = await Sku(category, stock: 5);
        var second = await Sku(category, stock: 5);
        var other = Events.NewKey("u");
        await fixture.Grains.GetGrain<IUserGrain>(other).RecordEventsAsync(
            [Events.Of(other, EventKind.View, Now.AddMinutes(-2), second), Events.Of(other, EventKind.View, Now.AddMinutes(-1), first)]);
        var user = Events.NewKey("u");
        await fixture.Grains.GetGrain<IUserGrain>(user).RecordEventsAsync([Events.Of(user, EventKind.View, Now, first, sessionId: "s-mine")]);

        var recommendation = await fixture.Grains.GetGrain<IUserGrain>(user).RecommendAsync(new RecommendationRequest(2, "s-mine", category));

        // Another session viewed `second` just before `first`; `first` itself is then trending.
        // `first` reports its demand once per 15 s: the other shopper's view, a minute old, is what the ranking holds.
        AssertItems([(second, 1f, "session_co_view"), (first, (float)Decayed(60), "trending")], recommendation.Items);
    }

    [Fact]
    public async Task ClickCarryingTheRecommendationId_IsAttributed()
    {
        var (a0, _, _, _, _, _) = await ModelCatalogAsync();
        var user = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(user);
        await Record(user, (EventKind.View, a0));
        var recommendation = await grain.RecommendAsync(new RecommendationRequest(2, null, null));
        using var attributed = new MetricCollector<long>(RecommendationInstruments.Attributed);

        await grain.RecordEventsAsync(
        [
            Events.Of(user, EventKind.Click, Now, recommendation.Items[1].Sku) with { RecommendationId = recommendation.RecommendationId },
            Events.Of(user, EventKind.Click, Now, recommendation.Items[1].Sku) with { RecommendationId = "rec-unknown" },
        ]);

        var measurement = Assert.Single(attributed.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("click", measurement.Tags[RecommendationInstruments.KindTag]);
    }

    /// <summary>a0..a3 lean to axis 0 (a1 sold out), b0 and b1 to axis 1; a* in category a, b* in category b.</summary>
    private async Task<(string, string, string, string, string, string)> ModelCatalogAsync()
    {
        var p = Events.NewKey("m");
        string Name(string n) => $"{p[..12]}-{n}";
        FakeInferenceGrain.Catalog = new()
        {
            [Name("a0")] = [1f, 0, 0, 0],
            [Name("a1")] = [0.9f, 0, 0, 0],
            [Name("a2")] = [0.8f, 0, 0, 0],
            [Name("a3")] = [0.7f, 0, 0, 0],
            [Name("b0")] = [0.1f, 1f, 0, 0],
            [Name("b1")] = [0.05f, 0.9f, 0, 0],
        };
        foreach (var sku in FakeInferenceGrain.Catalog.Keys)
        {
            var stock = sku.EndsWith("a1", StringComparison.Ordinal) ? 0 : 20;
            await fixture.Grains.GetGrain<ISkuGrain>(sku).UpsertCatalogAsync(new SkuCatalog(sku, $"{p[..12]}-{sku[^2]}", "acme", 10m, 4m, stock, 7));
        }

        return (Name("a0"), Name("a1"), Name("a2"), Name("a3"), Name("b0"), Name("b1"));
    }

    private static double Decayed(int secondsAgo) => Math.Pow(0.5, secondsAgo / 3600.0);

    private static string Category(string sku) => $"{sku[..12]}-{sku[^2]}";

    private async Task<string> Sku(string category, int stock)
    {
        var sku = Events.NewKey("s")[..20];
        await fixture.Grains.GetGrain<ISkuGrain>(sku).UpsertCatalogAsync(new SkuCatalog(sku, category, "acme", 10m, 4m, stock, 7));
        return sku;
    }

    private Task Record(string user, params (EventKind Kind, string Sku)[] events) =>
        fixture.Grains.GetGrain<IUserGrain>(user).RecordEventsAsync(
            events.Select((e, i) => Events.Of(user, e.Kind, Now.AddSeconds(i - events.Length), e.Sku)).ToList());

    private static void AssertItems((string Sku, float Score, string Reason)[] expected, IReadOnlyList<RecommendedItem> actual)
    {
        Assert.Equal(expected.Select(e => (e.Sku, e.Reason)), actual.Select(a => (a.Sku, a.Reason)));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 0.0001f));
    }
}
