using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.Models.Sequence;

namespace EcomOrleans.LoadGen.Demo;

/// <summary>
/// The demo catalog of a sequence model: one entry per SKU the model can recommend, in the model's order, with the
/// category, brand, price, cost, stock and lead time a replay of the model's data set puts in the catalog, and a
/// plausible title (<see cref="DemoTitles"/>).
/// </summary>
public static class DemoCatalogBuilder
{
    /// <param name="modelSkus">The model's SKUs (its <c>item_skus.txt</c> without the padding line).</param>
    /// <param name="replayCatalog">The catalog a replay of the model's data set uploads.</param>
    /// <exception cref="InvalidDataException">A model SKU is not in <paramref name="replayCatalog"/>.</exception>
    public static List<DemoCatalogEntry> Build(IReadOnlyList<string> modelSkus, IReadOnlyList<SkuDefinition> replayCatalog)
    {
        var bySku = replayCatalog.ToDictionary(s => s.Sku, StringComparer.Ordinal);
        var missing = modelSkus.Where(s => !bySku.ContainsKey(s)).Take(3).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"The model's SKUs are not all in the data set's catalog (first missing: {string.Join(", ", missing)}): is it the data set the model was trained on?");
        }

        var productTypes = DemoTitles.ProductTypesByCategory(modelSkus.Select(s => bySku[s].Category));
        return
        [
            .. modelSkus.Select(sku =>
            {
                var s = bySku[sku];
                var title = DemoTitles.Title(s.Brand, productTypes[s.Category], StableHash.Of(sku));
                return new DemoCatalogEntry(sku, title, s.Category, s.Brand, s.Price, s.Cost, s.Stock, s.LeadTimeDays);
            }),
        ];
    }
}
