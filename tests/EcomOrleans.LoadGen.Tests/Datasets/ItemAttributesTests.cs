using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Tests.Support;

namespace EcomOrleans.LoadGen.Tests.Datasets;

public sealed class ItemAttributesTests
{
    [Fact]
    public void FromAttributeIds_FirstAttributeNeverSeenLater_IsTheBrand()
    {
        // 10 and 11 only ever lead a list (brands); 1 and 2 also appear later (a category path).
        var attributes = Build(new() { [1] = [10, 1, 2], [2] = [11, 1, 2], [3] = [1, 2], [4] = [12, 2] }, items: 4);

        Assert.Equal(new ItemFacets("t-cat-1", "t-brand-10"), attributes.For(1));
        Assert.Equal(new ItemFacets("t-cat-1", ItemFacets.Unbranded), attributes.For(3));
    }

    [Fact]
    public void FromAttributeIds_BrandOnMoreThanTenPercentOfItems_IsUnbranded()
    {
        // Brand 99 leads 2 of 12 lists (17%): a placeholder such as Sports' attribute 23.
        var byItem = Enumerable.Range(1, 10).ToDictionary(i => i, i => new[] { 100 + i, 1 });
        byItem[11] = [99, 1];
        byItem[12] = [99, 1];

        var attributes = ItemAttributes.FromAttributeIds(byItem, "t");

        Assert.Equal(ItemFacets.Unbranded, attributes.For(11).Brand);
        Assert.Equal("t-brand-101", attributes.For(1).Brand);
    }

    [Fact]
    public void FromAttributeIds_RootCategoryOnHalfTheItems_IsSkipped()
    {
        // 2 follows every brand (a root such as "Sports & Outdoors"); 3 and 4 tell items apart.
        var attributes = Build(new() { [1] = [10, 2, 3], [2] = [11, 2, 4], [3] = [12, 2], [4] = [13, 2, 5] }, items: 4);

        Assert.Equal("t-cat-3", attributes.For(1).Category);
        Assert.Equal("t-cat-4", attributes.For(2).Category);
        Assert.Equal("t-cat-2", attributes.For(3).Category); // only the root: better than nothing
        Assert.Equal("t-cat-5", attributes.For(4).Category);
    }

    [Fact]
    public void For_ItemWithoutAttributes_IsUncategorizedAndUnbranded()
    {
        var attributes = Build(new() { [1] = [10, 2], [2] = [] }, items: 2);

        Assert.Equal(ItemFacets.None, attributes.For(2));
        Assert.Equal(ItemFacets.None, attributes.For(3));
        Assert.Equal(ItemFacets.None, ItemAttributes.Empty.For(1));
    }

    [Fact]
    public void Read_BeautyFixture_MapsBrandAndCategory()
    {
        using var json = File.OpenRead(TestData.FixturePath("amazon-beauty/beauty-item2attributes.json"));

        var attributes = ItemAttributes.Read(json, "beauty");

        Assert.Equal(59, attributes.Count);
        Assert.Equal(new ItemFacets("beauty-cat-1", "beauty-brand-173"), attributes.For(1)); // [173, 1, 162, 171]
        Assert.Equal(new ItemFacets("beauty-cat-1", ItemFacets.Unbranded), attributes.For(4)); // [1, 2, 3]
        Assert.Equal(new ItemFacets("beauty-cat-64", ItemFacets.Unbranded), attributes.For(13)); // [64, 77, 78, 161]
    }

    [SkippableFact]
    public void Read_RealBeauty_GivesSixMainCategories()
    {
        var data = TestData.RequireShared("amazon-beauty/beauty-item2attributes.json");
        using var json = File.OpenRead(Path.Combine(data, "amazon-beauty/beauty-item2attributes.json"));

        var attributes = ItemAttributes.Read(json, "beauty");

        var categories = Enumerable.Range(1, 12_101).Select(i => attributes.For(i).Category).CountBy(c => c).ToDictionary();
        // docs/data.md: attributes 17, 4, 1, 64, 15 and 8 head the category paths; two items have a stray leaf only.
        Assert.Equal(3_813, categories["beauty-cat-17"]);
        Assert.Equal(6, categories.Count(c => c.Value > 100));
        Assert.Equal(new ItemFacets("beauty-cat-1", "beauty-brand-24"), attributes.For(1148)); // [24, 1, 25, 26]
        Assert.Equal(new ItemFacets("beauty-cat-4", ItemFacets.Unbranded), attributes.For(83)); // [4, 5, 6]
    }

    [SkippableFact]
    public void Read_RealSports_TreatsAttribute23AsNoBrandAndSkipsRoot2()
    {
        var data = TestData.RequireShared("amazon-sports/sports-item2attributes.json");
        using var json = File.OpenRead(Path.Combine(data, "amazon-sports/sports-item2attributes.json"));

        var attributes = ItemAttributes.Read(json, "sports");

        Assert.Equal(new ItemFacets("sports-cat-24", ItemFacets.Unbranded), attributes.For(1282)); // [23, 2, 24, 25, 26]
        Assert.Equal(new ItemFacets("sports-cat-3", "sports-brand-1"), attributes.For(1)); // [1, 2, 3, 4, 5, 6]
    }

    private static ItemAttributes Build(Dictionary<int, int[]> byItem, int items)
    {
        Assert.Equal(items, byItem.Count);
        // Each brand here leads a quarter or more of a handful of items: lift the placeholder share out of the way.
        return ItemAttributes.FromAttributeIds(byItem, "t", placeholderBrandShare: 1.0);
    }
}
