using EcomOrleans.Events;
using EcomOrleans.Grains.Tests.Recommendations;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Tests.Skus;

[Collection(ClusterCollection.Name)]
public sealed class SkuForecastTests(ClusterFixture fixture)
{
    private static readonly SkuCatalog Juice = new("Orange juice", "grocery", "acme", 3.50m, 2m, 500, 7);

    private static DateTimeOffset Now => ClusterFixture.Time.GetUtcNow();

    private async Task<ISkuGrain> SkuSellingAsync(int days, int unitsPerDay)
    {
        var sku = Events.NewKey("sku");
        var grain = fixture.Grains.GetGrain<ISkuGrain>(sku);
        await grain.UpsertCatalogAsync(Juice);
        var events = Enumerable.Range(1, days)
            .Select(d => SkuEvent.Of(Events.Of("u-1", EventKind.Purchase, Now.AddDays(-d), sku, quantity: unitsPerDay)))
            .ToArray();
        await grain.ApplyEventsAsync(events, []);
        return grain;
    }

    [Fact]
    public async Task RefreshForecast_SixtyDaysOfHistory_BlendsTheModelWithSmoothing()
    {
        FakeInferenceGrain.DemandModelLoaded = true;
        var grain = await SkuSellingAsync(days: 60, unitsPerDay: 2);

        var outlook = await grain.RefreshForecastAsync();

        // The fake model says 2 x mean = 4 a day, smoothing of a flat 2 says 2, half and half: 3.
        var forecast = outlook!.Forecast!;
        Assert.Equal((ForecastMethods.Blend, FakeInferenceGrain.Version, 60), (forecast.Method, forecast.ModelVersion, forecast.HistoryDays));
        Assert.All(forecast.Mean, m => Assert.Equal(3f, m));
        Assert.Equal(DateOnly.FromDateTime(Now.UtcDateTime), forecast.FirstDay);
    }

    [Fact]
    public async Task RefreshForecast_ModelNotLoaded_FallsBackToSmoothingAndSaysSo()
    {
        FakeInferenceGrain.DemandModelLoaded = false;
        try
        {
            var grain = await SkuSellingAsync(days: 60, unitsPerDay: 2);

            var forecast = (await grain.RefreshForecastAsync())!.Forecast!;

            Assert.Equal((ForecastMethods.SeasonalSmoothing, "the demand model is not loaded: seasonal smoothing of 60 days"), (forecast.Method, forecast.Reason));
            Assert.Equal(2f, forecast.Mean[0]);
        }
        finally
        {
            FakeInferenceGrain.DemandModelLoaded = true;
        }
    }

    [Fact]
    public async Task RefreshForecast_TwentyDays_UsesSmoothingWithoutAskingTheModel()
    {
        FakeInferenceGrain.DemandModelLoaded = false; // a call to the model would say "not loaded" in the reason
        try
        {
            var grain = await SkuSellingAsync(days: 20, unitsPerDay: 5);

            var forecast = (await grain.RefreshForecastAsync())!.Forecast!;

            Assert.Equal("20 of the 56 days of history the demand model reads: seasonal smoothing of 20 days", forecast.Reason);
        }
        finally
        {
            FakeInferenceGrain.DemandModelLoaded = true;
        }
    }

    [Fact]
    public async Task GetOutlook_NotInCatalog_IsNull() =>
        Assert.Null(await fixture.Grains.GetGrain<ISkuGrain>(Events.NewKey("sku")).GetOutlookAsync());

    [Fact]
    public async Task GetOutlook_BeforeAnyRefresh_MakesTheForecastFirst_AndATooShortHistorySaysSo()
    {
        var grain = await SkuSellingAsync(days: 3, unitsPerDay: 1);

        var outlook = await grain.GetOutlookAsync();

        var forecast = outlook!.Forecast!;
        Assert.Equal(
            (ForecastMethods.None, "3 of the 56 days of history the demand model reads; 3 days is under the week seasonal naive needs: no forecast yet"),
            (forecast.Method, forecast.Reason));
        Assert.All(forecast.P90, p => Assert.Equal(0f, p));
        Assert.Empty(outlook.Recent);
        Assert.Equal(new ForecastAccuracy(0, null, null, null, null), outlook.Accuracy);
    }
}
