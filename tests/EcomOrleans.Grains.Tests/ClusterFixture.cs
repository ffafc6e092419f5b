using EcomOrleans.Grains.Hosting;
using EcomOrleans.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace EcomOrleans.Grains.Tests;

/// <summary>One in-process test cluster with in-memory storage and a fake clock, shared by a collection.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The clock every silo of the cluster uses. Silos run in this process, so they share it.</summary>
    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero));

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
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
