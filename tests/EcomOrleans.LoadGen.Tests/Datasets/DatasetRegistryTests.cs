using EcomOrleans.Events;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Tests.Support;

namespace EcomOrleans.LoadGen.Tests.Datasets;

public sealed class DatasetRegistryTests
{
    [Theory]
    [InlineData("beauty", "beauty-", "beauty-u")]
    [InlineData("sports", "sports-", "sports-u")]
    [InlineData("beauty-bert4rec", "b4r-", "b4r-u")]
    [InlineData("yoochoose", "yc-", "yc-s")]
    [InlineData("diginetica", "dg-", "dg-")]
    [InlineData("otto", "otto-", "otto-s")]
    public void Load_Fixture_FollowsTheSkuAndUserNamingConvention(string name, string skuPrefix, string userPrefix)
    {
        var script = DatasetRegistry.Get(name).Load(TestData.Fixtures, new ScriptOptions(42, TestData.Now));

        Assert.NotEmpty(script.Events);
        Assert.All(script.Events, e => Assert.StartsWith(skuPrefix, e.Sku, StringComparison.Ordinal));
        Assert.All(script.Events, e => Assert.StartsWith(userPrefix, e.UserId, StringComparison.Ordinal));
        Assert.All(script.Events, e => Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$", e.Sku));
        Assert.Equal(script.Events.Select(e => e.Sku).Distinct().Order(StringComparer.Ordinal), script.Catalog.Select(s => s.Sku).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_WithLimit_KeepsTheEarliestEventsAndOnlyTheirSkus()
    {
        var all = DatasetRegistry.Get("beauty").Load(TestData.Fixtures, new ScriptOptions(42, TestData.Now));

        var limited = DatasetRegistry.Get("beauty").Load(TestData.Fixtures, new ScriptOptions(42, TestData.Now, Limit: 10));

        Assert.Equal(all.Events.Take(10), limited.Events);
        Assert.Equal(limited.Events.Select(e => e.Sku).Distinct().Count(), limited.Catalog.Count);
    }

    [Fact]
    public void Load_MissingFile_SaysWhereItLooked()
    {
        var missing = Path.Combine(TestData.Fixtures, "nowhere");

        var error = Assert.Throws<FileNotFoundException>(() => DatasetRegistry.Get("beauty").Load(missing, new ScriptOptions(42, TestData.Now)));

        Assert.Contains("beauty-s3rec.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("--data-dir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownName_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => DatasetRegistry.Get("movielens"));

        Assert.Contains("beauty, sports, beauty-bert4rec, yoochoose, diginetica, otto", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Load_RealBeauty_HasOnePurchasePerReviewAndTheWholeCatalog()
    {
        var data = TestData.RequireShared("amazon-beauty/beauty-s3rec.txt");

        var script = DatasetRegistry.Get("beauty").Load(data, new ScriptOptions(42, TestData.Now));

        Assert.Equal(198_502, script.Events.Count(e => e.Kind == EventKind.Purchase));
        Assert.Equal(198_502, script.Events.Count(e => e.Kind == EventKind.View));
        Assert.Equal(12_101, script.Catalog.Count);
        Assert.Equal(script.Events.Length, script.Events.Select(e => e.EventId).Distinct().Count());
        Assert.All(script.Events.Zip(script.Events.Skip(1)), pair => Assert.True(pair.First.Timestamp <= pair.Second.Timestamp));
    }

    [SkippableTheory]
    [InlineData("sports", "amazon-sports/sports-s3rec.txt", 296_337)]
    [InlineData("beauty-bert4rec", "amazon-beauty/beauty-bert4rec.txt", 353_962)]
    public void Load_RealReviewData_HasOnePurchasePerInteraction(string name, string file, int interactions)
    {
        var data = TestData.RequireShared(file);

        var script = DatasetRegistry.Get(name).Load(data, new ScriptOptions(42, TestData.Now));

        Assert.Equal(interactions, script.Events.Count(e => e.Kind == EventKind.Purchase));
    }

    [SkippableTheory]
    [InlineData("yoochoose", "sessions/yoochoose-clicks-100k_train_full.txt", 83_846)]
    [InlineData("diginetica", "sessions/diginetica-sample-item-views.csv", 12_391)]
    [InlineData("otto", "sessions/otto-sample.jsonl", 862)]
    public void Load_RealSessionData_HasOneEventPerInteraction(string name, string file, int interactions)
    {
        var data = TestData.RequireShared(file);

        var script = DatasetRegistry.Get(name).Load(data, new ScriptOptions(42, TestData.Now));

        // YooChoose: 70,278 train_full + 13,568 test clicks.
        Assert.Equal(interactions, script.Events.Length);
        Assert.Equal(TestData.Now - TimeSpan.FromMinutes(1), script.Events[^1].Timestamp);
    }
}
