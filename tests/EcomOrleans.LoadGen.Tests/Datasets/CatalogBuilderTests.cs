using EcomOrleans.LoadGen.Datasets;

namespace EcomOrleans.LoadGen.Tests.Datasets;

public sealed class CatalogBuilderTests
{
    private static readonly DatasetProfile Beauty = new("beauty", "beauty", "Beauty", MedianPrice: 15, PriceSigma: 0.6);

    // 1,000 items whose popularity falls off like a long tail: item i was bought 1000 / i times.
    private static readonly ItemDemand[] LongTail =
        [.. Enumerable.Range(1, 1000).Select(i => new ItemDemand(i, 1000 / i, 1000 / i))];

    [Fact]
    public void Build_EveryItem_HasValuesInTheContractsRanges()
    {
        var catalog = CatalogBuilder.Build(Beauty, LongTail, ItemAttributes.Empty, seed: 42);

        Assert.Equal(1000, catalog.Count);
        Assert.All(catalog.Values, sku =>
        {
            Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$", sku.Sku);
            Assert.InRange(sku.Price, 1.99m, 999.99m);
            Assert.Equal(0.99m, sku.Price - decimal.Floor(sku.Price)); // prices end in .99
            Assert.InRange(sku.Cost / sku.Price, 0.39m, 0.71m); // 40-70%, give or take a cent of rounding
            Assert.InRange(sku.LeadTimeDays, 3, 21);
            Assert.True(sku.Stock >= 0, $"{sku.Sku} has negative stock");
        });
        Assert.Equal("beauty-17", catalog[17].Sku);
        Assert.Equal("Beauty item 17", catalog[17].Title);
    }

    [Fact]
    public void Build_Prices_CentreOnTheProfilesMedian()
    {
        var catalog = CatalogBuilder.Build(Beauty, LongTail, ItemAttributes.Empty, seed: 42);

        var median = catalog.Values.Select(s => s.Price).Order().ElementAt(500);
        Assert.InRange(median, 13m, 18m); // log-normal around $15 (+ .99)
    }

    [Fact]
    public void Build_SameSeed_GivesTheSameCatalogAndAnotherSeedDoesNot()
    {
        var first = CatalogBuilder.Build(Beauty, LongTail, ItemAttributes.Empty, seed: 42);
        var again = CatalogBuilder.Build(Beauty, LongTail.Reverse().ToArray(), ItemAttributes.Empty, seed: 42);
        var other = CatalogBuilder.Build(Beauty, LongTail, ItemAttributes.Empty, seed: 7);

        Assert.All(first, entry => Assert.Equal(entry.Value, again[entry.Key])); // independent of input order
        Assert.True(first.Count(entry => entry.Value != other[entry.Key]) > 990);
    }

    [Fact]
    public void Build_PopularItems_SometimesStockedBelowDemandOthersNever()
    {
        var catalog = CatalogBuilder.Build(Beauty, LongTail, ItemAttributes.Empty, seed: 42);

        var sellsOut = LongTail.Where(i => catalog[i.Item].Stock < i.Purchases).ToArray();
        // Only the most-bought tenth qualify (bought >= 1000/100 = 10 times); about a fifth of those sell out.
        Assert.All(sellsOut, i => Assert.True(i.Purchases >= 10, $"item {i.Item} is not popular"));
        Assert.InRange(sellsOut.Length, 5, 45);
    }

    [Fact]
    public void Build_WithAttributes_UsesTheirCategoryAndBrand()
    {
        var attributes = ItemAttributes.FromAttributeIds(new Dictionary<int, int[]> { [1] = [10, 2], [2] = [2] }, "beauty", placeholderBrandShare: 1.0);

        var catalog = CatalogBuilder.Build(Beauty, [new ItemDemand(1, 1, 1), new ItemDemand(3, 1, 1)], attributes, seed: 42);

        Assert.Equal(("beauty-cat-2", "beauty-brand-10"), (catalog[1].Category, catalog[1].Brand));
        Assert.Equal((ItemFacets.Uncategorized, ItemFacets.Unbranded), (catalog[3].Category, catalog[3].Brand));
    }
}
