using EcomOrleans.Inference.Demand;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Tests.Demand;

public sealed class DemandForecasterTests : IDisposable
{
    private readonly TestModels _models = TestModels.Copy(ModelKinds.Demand);
    private readonly ModelRegistry _registry;

    public DemandForecasterTests()
    {
        _registry = TestModels.Registry(_models.ModelsPath);
        _registry.LoadAll();
    }

    [Fact]
    public async Task ForecastAsync_ConcurrentSkus_EachMatchesItsOwnBatchOfOneRun()
    {
        using var forecaster = new DemandForecaster(_registry, Options.Create(new InferenceOptions()), TimeProvider.System, NullLogger<DemandForecaster>.Instance);
        var histories = Enumerable.Range(0, 40).Select(i => History($"sku-{i}", 30 + (i * 3), i)).ToArray();

        var tasks = new Task<DemandForecast>[histories.Length];
        Parallel.For(0, histories.Length, i => tasks[i] = forecaster.ForecastAsync(histories[i], InferencePriority.Background));
        var batched = await Task.WhenAll(tasks);

        using var lease = _registry.Acquire<DemandModel>(ModelKinds.Demand);
        for (var i = 0; i < histories.Length; i++)
        {
            var alone = DemandForecaster.Forecast(lease.Model, [histories[i]])[0];
            Assert.Equal((alone.Sku, alone.FirstDay), (batched[i].Sku, batched[i].FirstDay));
            Assert.All(alone.P90.Zip(batched[i].P90), p => Assert.Equal(p.First, p.Second, 1e-4f));
        }
    }

    [Fact]
    public void Forecast_AHistory_GivesFourteenDaysFromTheDayAfterItsLastDay()
    {
        using var lease = _registry.Acquire<DemandModel>(ModelKinds.Demand);

        var forecast = DemandForecaster.Forecast(lease.Model, [History("FOODS_3_001", 90, 1)])[0];

        Assert.Equal((new DateOnly(2026, 1, 1).AddDays(90), 14, 14, "1"), (forecast.FirstDay, forecast.P50.Length, forecast.P90.Length, forecast.ModelVersion));
        Assert.All(forecast.P50, p => Assert.True(p >= 0, $"a forecast of {p} units"));
    }

    [Fact]
    public async Task ForecastAsync_PricesAndUnitsOfDifferentLengths_FailsNamingTheSku()
    {
        using var forecaster = new DemandForecaster(_registry, Options.Create(new InferenceOptions()), TimeProvider.System, NullLogger<DemandForecaster>.Instance);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            forecaster.ForecastAsync(new DemandHistory("sku-1", new DateOnly(2026, 1, 1), [1, 2, 3], [1]), InferencePriority.Background));

        Assert.Equal("The history of sku-1 needs at least one day and as many prices as units (has 3 units and 1 prices). (Parameter 'history')", error.Message);
    }

    public void Dispose()
    {
        _registry.Dispose();
        _models.Dispose();
    }

    private static DemandHistory History(string sku, int days, int seed) => new(
        sku,
        new DateOnly(2026, 1, 1),
        [.. Enumerable.Range(0, days).Select(d => (float)((d * (seed + 3)) % 7))],
        [.. Enumerable.Range(0, days).Select(d => d % 11 == 0 ? 0f : 2.5f + (seed % 3))]);
}
