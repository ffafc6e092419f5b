using EcomOrleans.Testing;

namespace EcomOrleans.LoadGen.Tests.Support;

/// <summary>The engine's test cluster, as <c>ceiling</c> hosts the grains; its clock never moves, so no background refresh fires during a test.</summary>
public sealed class GrainClusterFixture : EngineClusterFixture;

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain-cluster";
}
