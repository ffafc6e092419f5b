namespace EcomOrleans.LoadGen.Datasets;

/// <summary>
/// Gives every item plausible, deterministic catalog facts: a log-normal price ending in .99, a cost of 40-70% of
/// it, a lead time of 3-21 days, and stock sized from the item's purchases in the data set, so that about one in
/// five of the most popular tenth of the items runs out during a full replay.
/// </summary>
public static class CatalogBuilder
{
    /// <summary>Share of the most-interacted items that count as popular. 0.10.</summary>
    public const double PopularShare = 0.10;

    /// <summary>Chance that a popular item is stocked below its demand and sells out. 0.20.</summary>
    public const double SellOutChance = 0.20;

    public static Dictionary<long, SkuDefinition> Build(DatasetProfile profile, IReadOnlyCollection<ItemDemand> items, ItemAttributes attributes, int seed)
    {
        var popularFrom = PopularThreshold(items);
        var catalog = new Dictionary<long, SkuDefinition>(items.Count);
        foreach (var item in items)
        {
            var random = new DeterministicRandom(seed, "catalog:" + profile.Prefix, item.Item);
            var price = Price(profile, ref random);
            var cost = Math.Max(0.01m, Math.Round(price * (decimal)random.NextDouble(0.40, 0.70), 2));
            var leadTime = random.NextInt(3, 21);
            var stock = Stock(item, item.Interactions >= popularFrom, ref random);
            var facets = attributes.For(item.Item);
            catalog[item.Item] = new SkuDefinition(
                profile.SkuOf(item.Item), $"{profile.DisplayName} item {item.Item}", facets.Category, facets.Brand, price, cost, stock, leadTime);
        }

        return catalog;
    }

    private static decimal Price(DatasetProfile profile, ref DeterministicRandom random)
    {
        var raw = profile.MedianPrice * Math.Exp(profile.PriceSigma * random.NextGaussian());
        return (decimal)Math.Floor(Math.Clamp(raw, 1.0, 999.0)) + 0.99m;
    }

    private static int Stock(ItemDemand item, bool popular, ref DeterministicRandom random)
    {
        var sellsOut = random.Chance(SellOutChance);
        if (popular && sellsOut)
        {
            return (int)Math.Floor(item.Purchases * random.NextDouble(0.3, 0.8));
        }

        return (int)Math.Ceiling(item.Purchases * random.NextDouble(1.5, 3.0)) + random.NextInt(5, 40);
    }

    private static int PopularThreshold(IReadOnlyCollection<ItemDemand> items)
    {
        if (items.Count == 0)
        {
            return int.MaxValue;
        }

        var counts = items.Select(i => i.Interactions).Order().ToArray();
        var threshold = counts[(int)Math.Floor(counts.Length * (1 - PopularShare))..].FirstOrDefault(int.MaxValue);
        return Math.Max(2, threshold);
    }
}
