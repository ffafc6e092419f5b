using EcomOrleans.Inference;
using EcomOrleans.Skus;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Tests.Common;

[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    [Fact]
    public void Reference_StringKey_IsTheReferenceOrleansBuilds()
    {
        var built = (GrainReference)(object)fixture.Grains.Reference<ISkuGrain>("sku-ref-1");
        var orleans = (GrainReference)(object)fixture.Grains.GetGrain<ISkuGrain>("sku-ref-1");

        Assert.Equal((orleans.GrainId, orleans.InterfaceType), (built.GrainId, built.InterfaceType));
        Assert.Equal(orleans, built);
    }

    [Fact]
    public void Reference_IntegerKey_IsTheReferenceOrleansBuilds()
    {
        var built = (GrainReference)(object)fixture.Grains.Reference<IInferenceGrain>(7);
        var orleans = (GrainReference)(object)fixture.Grains.GetGrain<IInferenceGrain>(7);

        Assert.Equal((orleans.GrainId, orleans.InterfaceType), (built.GrainId, built.InterfaceType));
    }

    [Fact]
    public void Reference_TheSameKeyOnTwoInterfaces_NamesTwoGrains()
    {
        var user = (GrainReference)(object)fixture.Grains.Reference<IUserGrain>("same-key");
        var sku = (GrainReference)(object)fixture.Grains.Reference<ISkuGrain>("same-key");

        Assert.Equal(("user", "sku"), (user.GrainId.Type.ToString(), sku.GrainId.Type.ToString()));
    }

    [Fact]
    public async Task Reference_CallsTheGrain()
    {
        var user = $"u-{Guid.NewGuid():N}";

        var result = await fixture.Grains.Reference<IUserGrain>(user).RecordEventsAsync(
            [Events.Of(user, EcomOrleans.Events.EventKind.View, ClusterFixture.Time.GetUtcNow(), "beauty-1")]);

        Assert.Equal(new EcomOrleans.Events.IngestResult(1, 0), result);
    }
}
