using EcomOrleans.Events;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Tests.Skus;

[Collection(ClusterCollection.Name)]
public sealed class SkuDecisionsTests(ClusterFixture fixture)
{
    private static readonly double Elasticity = Math.Log(123.0 / 83) / Math.Log(9.0 / 11);

    private static DateTimeOffset Now => ClusterFixture.Time.GetUtcNow();

    /// <summary>
    /// 60 days at 9 or 11 (a week each, alternating) selling 100 × (price / 10)^-2 units a day, rounded: 123 at 9 and 83 at
    /// 11, an elasticity of ln(123 / 83) / ln(9 / 11) = -1.960, every day on the curve, so the own fit is tight. At cost 4 the margin-best price is 4 × 2 / (2 - 1) = 8, under the current 10: a markdown,
    /// held to the 10 % step (9.00), and allowed because 100,000 in stock is far more than 28 days of cover.
    /// </summary>
    private async Task<(ISkuGrain Grain, string Sku)> OverstockedWithElasticityTwoAsync(string category)
    {
        var sku = Events.NewKey("sku");
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);
        await grain.UpsertCatalogAsync(new SkuCatalog("Orange juice", category, "acme", 10m, 4m, 100_000, 7));
        var events = Enumerable.Range(1, 60).Select(d =>
        {
            var price = (d / 7) % 2 == 0 ? 9m : 11m;
            var units = (int)Math.Round(100 * Math.Pow((double)price / 10, -2));
            return SkuEvent.Of(Events.Of("u-1", EventKind.Purchase, Now.AddDays(-d), sku, quantity: units, price: price));
        }).ToArray();
        await grain.ApplyEventsAsync(events, []);
        return (grain, sku);
    }

    [Fact]
    public async Task GetDecisions_NotInCatalog_IsNull() =>
        Assert.Null(await fixture.Grains.GetGrain<ISkuGrain>(Events.NewKey("sku")).GetDecisionsAsync());

    [Fact]
    public async Task GetDecisions_OverstockedAndElastic_SuggestsAMarkdownInsideTheGuardrails()
    {
        var (grain, _) = await OverstockedWithElasticityTwoAsync(Events.NewKey("juice"));

        var decisions = (await grain.GetDecisionsAsync())!;

        var price = decisions.Price;
        Assert.Equal(("changed", "max_decrease", "own", 9.00m), (price.Outcome, price.BindingGuardrail, price.Elasticity!.Source, price.Suggested.Price));
        Assert.Equal(Elasticity, price.Elasticity.Estimate, 3);
        Assert.NotNull(price.SuggestionId);
        var pending = Assert.Single(decisions.Suggestions);
        Assert.Equal((price.SuggestionId, PriceSuggestionRecord.Pending, 10m, 9.00m), (pending.Id, pending.Status, pending.FromPrice, pending.ToPrice));
        Assert.Equal(("overstocked", 0), (decisions.Restock.Urgency, decisions.Restock.OrderQuantity));
    }

    [Fact]
    public async Task GetDecisions_Twice_KeepsThePendingSuggestion()
    {
        var (grain, _) = await OverstockedWithElasticityTwoAsync(Events.NewKey("juice"));

        var first = (await grain.GetDecisionsAsync())!;
        var second = (await grain.GetDecisionsAsync())!;

        Assert.Equal(first.Price.SuggestionId, second.Price.SuggestionId);
        Assert.Single(second.Suggestions);
    }

    [Fact]
    public async Task AcceptPrice_Pending_ChangesThePriceOnceAndAuditsIt()
    {
        var (grain, _) = await OverstockedWithElasticityTwoAsync(Events.NewKey("juice"));
        var id = (await grain.GetDecisionsAsync())!.Price.SuggestionId!;

        var accepted = await grain.AcceptPriceAsync(id);
        var again = await grain.AcceptPriceAsync(id);

        Assert.Equal((PriceAcceptance.Accepted, 9.00m), (accepted.Outcome, accepted.Sku!.Catalog.Price));
        Assert.Equal(9.00m, (await grain.GetAsync())!.Catalog.Price);
        Assert.Equal((PriceSuggestionRecord.Accepted, Now), (accepted.Suggestion!.Status, accepted.Suggestion.DecidedAt));
        Assert.Equal(PriceAcceptance.AlreadyAccepted, again.Outcome);
        Assert.StartsWith($"Suggestion '{id}' was accepted at ", again.Detail);
    }

    [Fact]
    public async Task GetDecisions_AfterAMarkdownIsAccepted_ExpectsTheUnitsTheElasticitySaysAtTheNewPrice()
    {
        var (grain, _) = await OverstockedWithElasticityTwoAsync(Events.NewKey("juice"));
        var before = (await grain.GetDecisionsAsync())!;
        await grain.AcceptPriceAsync(before.Price.SuggestionId!);

        var after = (await grain.GetDecisionsAsync())!;

        // The same forecast, of demand at the prices its history sold at, now read at 9 instead of 10: (9 / 10)^-1.96 times as many.
        Assert.Equal(before.Forecast.MadeAt, after.Forecast.MadeAt);
        Assert.Equal((9.00m, Math.Pow(0.9, after.Price.Elasticity!.Estimate)), (after.Price.Current.Price, after.Price.Current.UnitsPerDay / before.Price.Current.UnitsPerDay), new RatioComparer());
        // Before it, the current units were the suggested step's units divided by the same factor.
        Assert.Equal(before.Price.Suggested.UnitsPerDay, after.Price.Current.UnitsPerDay, 1);
    }

    /// <summary>Prices equal; ratios within 0.1 % (the units are rounded to 4 decimals).</summary>
    private sealed class RatioComparer : IEqualityComparer<(decimal Price, double Ratio)>
    {
        public bool Equals((decimal Price, double Ratio) x, (decimal Price, double Ratio) y) =>
            x.Price == y.Price && Math.Abs(x.Ratio - y.Ratio) <= 0.001 * Math.Abs(y.Ratio);

        public int GetHashCode((decimal Price, double Ratio) obj) => obj.Price.GetHashCode();
    }

    [Fact]
    public async Task AcceptPrice_AfterThePriceWasPut_IsSupersededAndChangesNothing()
    {
        var (grain, sku) = await OverstockedWithElasticityTwoAsync(Events.NewKey("juice"));
        var id = (await grain.GetDecisionsAsync())!.Price.SuggestionId!;
        var catalog = (await grain.GetAsync())!.Catalog;
        await grain.UpsertCatalogAsync(catalog with { Price = 10.50m });

        var result = await grain.AcceptPriceAsync(id);

        Assert.Equal(PriceAcceptance.Superseded, result.Outcome);
        Assert.Equal($"Suggestion '{id}' was made at price 10 and cost 4; the SKU is now at price 10.50 and cost 4.", result.Detail);
        Assert.Equal(10.50m, (await grain.GetAsync())!.Catalog.Price);
        Assert.Equal(PriceAcceptance.Superseded, (await grain.AcceptPriceAsync(id)).Outcome);
    }

    [Fact]
    public async Task AcceptPrice_UnknownId_SaysSo()
    {
        var (grain, sku) = await OverstockedWithElasticityTwoAsync(Events.NewKey("juice"));

        var result = await grain.AcceptPriceAsync("0123456789abcdef");

        Assert.Equal((PriceAcceptance.UnknownSuggestion, $"SKU '{sku}' has no price suggestion '0123456789abcdef'; GET /api/skus/{sku}/decisions makes one."),
            (result.Outcome, result.Detail));
    }

    [Fact]
    public async Task GetDecisions_PriceNeverVariedAndNoCategoryPrior_SuggestsNothingAndSaysWhy()
    {
        var sku = Events.NewKey("sku");
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);
        await grain.UpsertCatalogAsync(new SkuCatalog("Soap", Events.NewKey("soap"), "acme", 3m, 1m, 110, 5));
        await grain.ApplyEventsAsync([.. Enumerable.Range(1, 30).Select(d => SkuEvent.Of(Events.Of("u-1", EventKind.Purchase, Now.AddDays(-d), sku, quantity: 2)))], []);

        var decisions = (await grain.GetDecisionsAsync())!;

        Assert.Equal(("no_elasticity", null), (decisions.Price.Outcome, decisions.Price.SuggestionId));
        Assert.Empty(decisions.Suggestions);
        // 30 days of 2 a day: smoothing says 2 a day; the 50 left of 110 cover 25 days.
        Assert.Equal((ForecastMethods.SeasonalSmoothing, 25.0), (decisions.Forecast.Method, decisions.Restock.DaysOfCover));
    }

    [Fact]
    public async Task Leaderboard_AfterDecisions_TheCategoryBoardRanksItsSkus()
    {
        var category = Events.NewKey("juice");
        var (first, firstSku) = await OverstockedWithElasticityTwoAsync(category);
        var (second, secondSku) = await OverstockedWithElasticityTwoAsync(category);
        await first.GetDecisionsAsync();
        await second.GetDecisionsAsync();

        var board = fixture.Grains.GetGrain<ICategoryBoardGrain>(category);
        var leaders = await board.GetLeadersAsync(LeaderboardSort.Demand, 10);
        var prior = await board.GetElasticityAsync();

        // Today holds no sales; the last 27 days hold the same units for both.
        Assert.Equal(new[] { firstSku, secondSku }.Order(StringComparer.Ordinal), leaders.Select(l => l.Sku));
        Assert.Equal(2, prior!.Skus);
        Assert.Equal(Elasticity, prior.Mean, 3);
    }
}
