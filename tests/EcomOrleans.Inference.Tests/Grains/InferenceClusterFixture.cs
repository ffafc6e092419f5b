using EcomOrleans.Inference.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EcomOrleans.Inference.Tests.Grains;

/// <summary>One in-process cluster whose silo serves the fixture models.</summary>
public sealed class InferenceClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddEcomInference();
            siloBuilder.Services.Configure<InferenceOptions>(o => o.ModelsPath = TestModels.FixturesPath);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class InferenceClusterCollection : ICollectionFixture<InferenceClusterFixture>
{
    public const string Name = "inference cluster";
}
