using EcomOrleans.Testing;

namespace EcomOrleans.Grains.Tests;

/// <summary>The engine's test cluster, shared by the grain tests of a collection.</summary>
public sealed class ClusterFixture : EngineClusterFixture;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
