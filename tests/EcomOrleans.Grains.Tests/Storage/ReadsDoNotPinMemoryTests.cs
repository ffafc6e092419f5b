using EcomOrleans.Events;
using EcomOrleans.Recommendations;
using EcomOrleans.Skus;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Tests.Storage;

/// <summary>
/// A read of a user or SKU that was never stored deactivates its grain at once, so that reading random ids cannot
/// pin activations (and their memory) until idle collection, minutes later. A stored one stays active.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadsDoNotPinMemoryTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task GetProfile_UnknownUser_DeactivatesWhileAKnownUserStays()
    {
        var known = fixture.Grains.GetGrain<IUserGrain>(Events.NewKey("u"));
        await known.RecordEventsAsync([Events.Of(known.GetPrimaryKeyString(), EventKind.View, ClusterFixture.Time.GetUtcNow(), sku: "a")]);
        var unknown = fixture.Grains.GetGrain<IUserGrain>(Events.NewKey("u"));

        Assert.Null(await unknown.GetProfileAsync());

        await WaitUntilInactiveAsync(unknown.GetGrainId());
        Assert.Contains(known.GetGrainId(), await ActiveAsync(known.GetGrainId()));
    }

    [Fact]
    public async Task Recommend_UserWithNoEvents_Deactivates()
    {
        var visitor = fixture.Grains.GetGrain<IUserGrain>(Events.NewKey("u"));

        await visitor.RecommendAsync(new RecommendationRequest(3, null, null));

        await WaitUntilInactiveAsync(visitor.GetGrainId());
    }

    [Fact]
    public async Task Get_SkuNeverStored_DeactivatesWhileAListedSkuStays()
    {
        var listed = fixture.Grains.GetGrain<ISkuGrain>(Events.NewKey("sku"));
        await listed.UpsertCatalogAsync(new SkuCatalog("t", "c", "b", 1m, 0.5m, 3, 1));
        var unknown = fixture.Grains.GetGrain<ISkuGrain>(Events.NewKey("sku"));

        Assert.Null(await unknown.GetAsync());

        await WaitUntilInactiveAsync(unknown.GetGrainId());
        Assert.Contains(listed.GetGrainId(), await ActiveAsync(listed.GetGrainId()));
    }

    private async Task<List<GrainId>> ActiveAsync(GrainId like) => await fixture.Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(like.Type);

    /// <summary>Deactivation runs after the call has answered, on the silo: poll for it, for at most <see cref="Deadline"/>.</summary>
    private async Task WaitUntilInactiveAsync(GrainId grain)
    {
        var until = DateTime.UtcNow + Deadline;
        while ((await ActiveAsync(grain)).Contains(grain))
        {
            Assert.True(DateTime.UtcNow < until, $"{grain} is still active after {Deadline.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
