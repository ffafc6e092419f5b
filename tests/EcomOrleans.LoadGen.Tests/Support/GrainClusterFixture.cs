using EcomOrleans.Grains.Hosting;
using EcomOrleans.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace EcomOrleans.LoadGen.Tests.Support;

/// <summary>One in-process test cluster with the engine grains on in-memory storage and a fake clock, as <c>ceiling</c> hosts them.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    /// <summary>The clock of the cluster's silo; it never moves, so no background refresh fires during a test.</summary>
    public static FakeTimeProvider Time { get; } = new(TestData.Now);

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
            siloBuilder.Services.AddSingleton<TimeProvider>(Time);
            siloBuilder.AddMemoryGrainStorage(StorageNames.Provider);
            siloBuilder.UseSystemTextJsonGrainStorageSerializer();
            siloBuilder.AddEcomGrains();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain-cluster";
}
