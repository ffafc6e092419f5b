using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Demo;

namespace EcomOrleans.LoadGen.Tests.Demo;

public sealed class DemoCatalogBuilderTests
{
    private static readonly SkuDefinition[] Replay =
    [
        new("beauty-1", "Beauty item 1", "beauty-cat-4", "beauty-brand-7", 12.99m, 6m, 30, 5),
        new("beauty-2", "Beauty item 2", "beauty-cat-4", ItemFacets.Unbranded, 5.99m, 2m, 0, 9),
        new("beauty-3", "Beauty item 3", "beauty-cat-9", "beauty-brand-7", 40.99m, 20m, 8, 14),
    ];

    [Fact]
    public void Build_ModelSkus_KeepsTheReplaysFactsInTheModelsOrderWithTitles()
    {
        var entries = DemoCatalogBuilder.Build(["beauty-3", "beauty-1", "beauty-2"], Replay);

        Assert.Equal(["beauty-3", "beauty-1", "beauty-2"], entries.Select(e => e.Sku));
        Assert.Equal((40.99m, 20m, 8, 14, "beauty-cat-9", "beauty-brand-7"), (entries[0].Price, entries[0].Cost, entries[0].Stock, entries[0].LeadTimeDays, entries[0].Category, entries[0].Brand));

        // The largest category gets the first product type, and its items share it; an unbranded item is "Essentials".
        Assert.EndsWith(" Face Moisturizer", entries[1].Title, StringComparison.Ordinal);
        Assert.EndsWith(" Face Moisturizer", entries[2].Title, StringComparison.Ordinal);
        Assert.EndsWith(" Nail Polish", entries[0].Title, StringComparison.Ordinal);
        Assert.StartsWith("Essentials ", entries[2].Title, StringComparison.Ordinal);
        Assert.StartsWith(DemoTitles.BrandName("beauty-brand-7") + " ", entries[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Twice_GivesTheSameTitles()
    {
        Assert.Equal(
            DemoCatalogBuilder.Build(["beauty-1", "beauty-2", "beauty-3"], Replay).Select(e => e.Title),
            DemoCatalogBuilder.Build(["beauty-1", "beauty-2", "beauty-3"], Replay).Select(e => e.Title));
    }

    [Fact]
    public void Build_ModelSkuNotInTheDataSet_RefusedNamingIt()
    {
        var error = Assert.Throws<InvalidDataException>(() => DemoCatalogBuilder.Build(["beauty-1", "sports-9"], Replay));

        Assert.Equal(
            "The model's SKUs are not all in the data set's catalog (first missing: sports-9): is it the data set the model was trained on?",
            error.Message);
    }
}
