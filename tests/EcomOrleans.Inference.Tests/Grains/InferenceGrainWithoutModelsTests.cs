using EcomOrleans.Inference.Hosting;
using EcomOrleans.Inference.Models;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EcomOrleans.Inference.Tests.Grains;

/// <summary>A silo without a models folder starts, and the grain says which model is missing.</summary>
public sealed class InferenceGrainWithoutModelsTests : IAsyncLifetime
{
    private readonly TestCluster _cluster = new TestClusterBuilder(initialSilosCount: 1).AddSiloBuilderConfigurator<NoModels>().Build();

    [Fact]
    public async Task EveryMethod_NoModels_FailsWithModelNotLoadedNamingTheModel()
    {
        var grain = _cluster.GrainFactory.GetGrain<IInferenceGrain>(0);

        var embed = await Assert.ThrowsAsync<ModelNotLoadedException>(() => grain.EmbedSequenceAsync(["a"], InferencePriority.Storefront));
        var top = await Assert.ThrowsAsync<ModelNotLoadedException>(() => grain.TopItemsAsync([1f], 3, []));
        var intent = await Assert.ThrowsAsync<ModelNotLoadedException>(() => grain.ClassifyIntentAsync("hi", InferencePriority.Bot));
        var demand = await Assert.ThrowsAsync<ModelNotLoadedException>(() =>
            grain.ForecastDemandAsync(new DemandHistory("s", new DateOnly(2026, 1, 1), [1], [1]), InferencePriority.Background));

        Assert.Equal(
            ["Model 'sequence' is not loaded.", "Model 'sequence' is not loaded.", "Model 'intent' is not loaded.", "Model 'demand' is not loaded."],
            new[] { embed, top, intent, demand }.Select(e => e.Message));
        Assert.Equal("intent", intent.Kind);
    }

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private sealed class NoModels : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddEcomInference();
            siloBuilder.Services.Configure<InferenceOptions>(o => o.ModelsPath = Path.Combine(Path.GetTempPath(), "ecom-no-models", Guid.NewGuid().ToString("n")));
        }
    }
}
