using EcomOrleans.Engine.Hosting;
using EcomOrleans.Engine.Storage;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Common;
using EcomOrleans.Grains.Insights;
using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Grains.Users;
using EcomOrleans.Silo.Hosting;
using EcomOrleans.Silo.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Xunit.Abstractions;

namespace EcomOrleans.Silo.Tests.Storage;

/// <summary>
/// Azure Table storage holds at most 960 KB per grain state: every state stays far below it at the default bounds,
/// and bounds that could exceed it stop start-up, naming the option.
/// </summary>
public sealed class StateSizeBoundsTests(ITestOutputHelper output)
{
    /// <summary>"Far below": a third of what the provider can store, so a state may grow by half again and still fit.</summary>
    private const long FarBelow = StateSizeLimitOptions.AzureTableMaxStateBytes / 3;

    private const string AzureSettings = "UseDevelopmentStorage=true";

    [Fact]
    public void EveryGrainState_AtItsLargestUnderTheDefaultBounds_IsFarBelowTheAzureTableLimit()
    {
        using var app = EngineComposition.Compose();
        var serializer = Json(app);

        var bounds = StateSizeBounds.Measure(Defaults(), serializer);

        foreach (var bound in bounds)
        {
            output.WriteLine($"{bound.StateName}: {bound.Bytes:N0} bytes at its largest");
        }

        Assert.Equal(
            [StorageNames.UserState, StorageNames.UserDedupState, StorageNames.SkuState, StorageNames.SkuDemandState, StorageNames.TrendingState, StorageNames.SearchDemandState, StorageNames.SkuPlanState, StorageNames.CategoryBoardState],
            bounds.Select(b => b.StateName));
        Assert.All(bounds, b => Assert.InRange(b.Bytes, 1, FarBelow));
    }

    [Fact]
    public void TheLargestUserState_IsTheLargestAUserGrainCanWrite()
    {
        using var app = EngineComposition.Compose();
        var serializer = app.Services.GetRequiredService<IGrainStorageSerializer>();
        var options = Defaults();
        var largest = StateSizeBounds.LargestUser(options);

        // Full to every bound: SpillAt pending dedup keys (the rest of the window is its own record), SequenceLength
        // entries, MaxSessions, MaxCategories.
        Assert.Equal(SpillingDedupWindow.DefaultSpillAt, largest.Dedup.Count);
        Assert.Equal(options.Users.SequenceLength, largest.Sequence.Count);
        Assert.Equal(options.Users.MaxSessions, largest.Sessions.Count);
        Assert.Equal(options.Users.MaxCategories, largest.Affinities.Count);
        Assert.Equal(options.Recommendations.RememberedRecommendations, largest.Recommendations.Count);

        // The stored form reads back: the bound measures a state the grain could load.
        var bytes = serializer.Serialize(largest);
        var read = serializer.Deserialize<UserState>(bytes);
        Assert.NotNull(read);
        Assert.Equal(largest.Dedup.Keys, read.Dedup.Keys);
        Assert.Equal(largest.Sequence, read.Sequence);
    }

    [Theory]
    [InlineData("Grains:Users:DedupWindow", "150000", "user-dedup")]
    [InlineData("Grains:Skus:DedupWindow", "100000", "sku-demand")]
    [InlineData("Grains:SearchDemand:MaxQueriesPerShard", "100000", "search-demand")]
    [InlineData("Grains:Trending:MaxTrackedCatalogWide", "100000", "trending")]
    public void OnAzureTables_BoundsThatCouldExceedTheLimit_StopStartUpNamingTheOption(string key, string value, string state)
    {
        using var app = EngineComposition.Compose(("Storage:Provider", "AzureTable"), ("ConnectionStrings:AzureStorage", AzureSettings), (key, value));

        var failure = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        var message = Assert.Single(failure.Failures);
        output.WriteLine(message);
        Assert.StartsWith($"{key} is too large for Azure Table storage: a grain's '{state}' state could reach ", message);
        Assert.EndsWith($" bytes, more than the 983,040 it can store; lower it (was {value}).", message);
        Assert.StartsWith($"error: invalid configuration: {key} is too large", StartupFailure.Describe(failure, EngineStorage.Memory));
    }

    [Fact]
    public void OnRedis_TheSameBounds_AreAllowed()
    {
        // Redis holds 512 MB per value: the Azure Table limit is not imposed on it.
        using var app = EngineComposition.Compose(("Storage:Provider", "Redis"), ("ConnectionStrings:Redis", "127.0.0.1:1"), ("Grains:Users:DedupWindow", "150000"));

        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    /// <summary>The JSON under the storage compression: the bounds are JSON sizes (compressed states are never longer).</summary>
    private static IGrainStorageSerializer Json(WebApplication app) =>
        Assert.IsType<CompressedGrainStorageSerializer>(app.Services.GetRequiredService<IGrainStorageSerializer>()).Inner;

    private static StateBoundsOptions Defaults() => new(new UserGrainOptions(), new RecommendationOptions(), new SkuGrainOptions(), new TrendingOptions(), new SearchDemandOptions(),
        new ForecastOptions(), new PricingOptions(), new CategoryBoardOptions());
}
