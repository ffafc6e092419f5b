using System.Globalization;
using System.Text.Json;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>
/// Turns S3-Rec's <c>*-item2attributes.json</c> (item -> attribute ids, names dropped) into a category and a
/// brand per item. The S3-Rec preprocessing writes an item's brand first and its category path after it, so:
/// <list type="number">
/// <item>an attribute that never appears after the first position of any item is a brand;</item>
/// <item>a "brand" on more than <see cref="PlaceholderBrandShare"/> of the items is a placeholder for
/// "no brand" (Sports' attribute 23 is on 40% of its items) and maps to <see cref="ItemFacets.Unbranded"/>;</item>
/// <item>the category is the first other attribute that is on fewer than <see cref="RootCategoryShare"/> of the
/// items (a root such as Sports' attribute 2, on 99% of them, says nothing); failing that the first other attribute;
/// failing that <see cref="ItemFacets.Uncategorized"/>.</item>
/// </list>
/// docs/data.md explains the rule with the numbers behind it.
/// </summary>
public sealed class ItemAttributes
{
    /// <summary>A brand attribute on more items than this share is read as "no brand". 0.10.</summary>
    public const double PlaceholderBrandShare = 0.10;

    /// <summary>A category attribute on at least this share of the items is a root and skipped. 0.5.</summary>
    public const double RootCategoryShare = 0.5;

    private readonly Dictionary<int, ItemFacets> _facets;

    private ItemAttributes(Dictionary<int, ItemFacets> facets) => _facets = facets;

    /// <summary>No attributes: every item is uncategorized and unbranded.</summary>
    public static ItemAttributes Empty { get; } = new([]);

    public int Count => _facets.Count;

    public ItemFacets For(long item) =>
        item is >= int.MinValue and <= int.MaxValue && _facets.TryGetValue((int)item, out var facets) ? facets : ItemFacets.None;

    public static ItemAttributes Read(Stream json, string prefix)
    {
        var raw = JsonSerializer.Deserialize(json, DatasetJsonContext.Default.DictionaryStringInt32Array)
            ?? throw new InvalidDataException("The item attributes file holds no JSON object.");
        var byItem = new Dictionary<int, int[]>(raw.Count);
        foreach (var (item, attributes) in raw)
        {
            byItem[int.Parse(item, CultureInfo.InvariantCulture)] = attributes;
        }

        return FromAttributeIds(byItem, prefix);
    }

    /// <summary>Applies the rule to attribute ids by item.</summary>
    /// <param name="placeholderBrandShare">Default <see cref="PlaceholderBrandShare"/>; tiny hand-made inputs need a larger one.</param>
    /// <param name="rootCategoryShare">Default <see cref="RootCategoryShare"/>.</param>
    public static ItemAttributes FromAttributeIds(
        IReadOnlyDictionary<int, int[]> attributesByItem,
        string prefix,
        double placeholderBrandShare = PlaceholderBrandShare,
        double rootCategoryShare = RootCategoryShare)
    {
        var itemsWith = new Dictionary<int, int>();
        var seenAfterFirst = new HashSet<int>();
        foreach (var attributes in attributesByItem.Values)
        {
            for (var i = 0; i < attributes.Length; i++)
            {
                itemsWith[attributes[i]] = itemsWith.GetValueOrDefault(attributes[i]) + 1;
                if (i > 0)
                {
                    seenAfterFirst.Add(attributes[i]);
                }
            }
        }

        var itemCount = Math.Max(1, attributesByItem.Count);
        bool IsBrand(int attribute) => !seenAfterFirst.Contains(attribute);
        bool IsPlaceholder(int attribute) => itemsWith[attribute] > placeholderBrandShare * itemCount;
        bool IsRoot(int attribute) => itemsWith[attribute] >= rootCategoryShare * itemCount;

        var facets = new Dictionary<int, ItemFacets>(attributesByItem.Count);
        foreach (var (item, attributes) in attributesByItem)
        {
            var brand = ItemFacets.Unbranded;
            var categories = attributes.AsSpan();
            if (categories.Length > 0 && IsBrand(categories[0]))
            {
                if (!IsPlaceholder(categories[0]))
                {
                    brand = $"{prefix}-brand-{categories[0]}";
                }

                categories = categories[1..];
            }

            var category = ItemFacets.Uncategorized;
            if (categories.Length > 0)
            {
                var chosen = categories[0];
                foreach (var candidate in categories)
                {
                    if (!IsRoot(candidate))
                    {
                        chosen = candidate;
                        break;
                    }
                }

                category = $"{prefix}-cat-{chosen}";
            }

            facets[item] = new ItemFacets(category, brand);
        }

        return new ItemAttributes(facets);
    }
}
