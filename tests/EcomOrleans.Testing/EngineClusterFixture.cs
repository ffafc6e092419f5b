using EcomOrleans.Engine.Hosting;
using EcomOrleans.Engine.Storage;
using EcomOrleans.Grains.Storage;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Xunit;

namespace EcomOrleans.Testing;

/// <summary>
/// One in-process test cluster with the engine grains on in-memory storage and a fake clock, as the
/// engine hosts them; a test project derives its collection fixture from it.
/// </summary>
public abstract class EngineClusterFixture : IAsyncLifetime
{
    /// <summary>
    /// The clock every silo of the cluster uses: silos run in the test process, so they share it.
    /// Static because TestCluster builds its configurator by type.
    /// </summary>
    public static FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The primary silo's grain storage: what the grains wrote, as bytes, and a way to seed older state.</summary>
    public SerializingMemoryGrainStorage Storage => (SerializingMemoryGrainStorage)Silo.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);

    /// <summary>The primary silo's services (its catalog read model, its storage).</summary>
    public IServiceProvider Silo => ((InProcessSiloHandle)Cluster.Primary!).SiloHost!.Services;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSingleton<TimeProvider>(Time);
            // State goes through the JSON serializer as it does in Redis; inference is a stand-in per test project.
            siloBuilder.AddEcomEngine(EngineStorage.Memory, inference: false);
        }
    }
}
