namespace EcomOrleans.LoadGen.Demo;

/// <summary>
/// Plausible product titles for the demo catalog: a brand name made of two syllables, an adjective and a product type.
/// The data sets keep only attribute ids (no names), so every category is given one product type by its size rank
/// (items of one category share it, so recommendations look coherent) and every brand a made-up name. Deterministic.
/// </summary>
public static class DemoTitles
{
    private static readonly string[] ProductTypes =
    [
        "Face Moisturizer", "Nail Polish", "Shampoo", "Eye Shadow Palette", "Body Lotion", "Lipstick", "Hair Conditioner",
        "Eau de Parfum", "Face Serum", "Mascara", "Foundation", "Makeup Brush Set", "Cleansing Gel", "Eyeliner", "Hair Oil",
        "Sheet Mask", "Lip Balm", "Concealer", "Body Wash", "Sunscreen SPF 50", "Blush", "Hand Cream", "Hair Spray",
        "Toner", "Setting Powder", "Eye Cream", "Dry Shampoo", "Bronzer", "Exfoliating Scrub", "Brow Pencil",
        "Night Cream", "Lip Gloss", "Highlighter", "Bath Salts", "Cuticle Oil", "Micellar Water", "Hair Mask",
        "Primer", "Body Butter", "Nail Strengthener",
    ];

    private static readonly string[] Adjectives =
    [
        "Hydrating", "Matte", "Radiant", "Gentle", "Nourishing", "Long-Wear", "Velvet", "Ultra-Light", "Soothing",
        "Volumizing", "Silky", "Daily", "Intense", "Fresh", "Botanical", "Repairing", "Satin", "Smoothing", "Classic",
        "Brightening",
    ];

    private static readonly string[] Syllables =
    [
        "lu", "ve", "ra", "mi", "so", "ka", "ne", "ta", "li", "ro", "sa", "be", "no", "da", "fi", "ma", "ze", "lo",
    ];

    /// <summary>The product type of each category, by the category's number of items (largest first).</summary>
    public static IReadOnlyDictionary<string, string> ProductTypesByCategory(IEnumerable<string> categoryOfEachItem) =>
        categoryOfEachItem
            .GroupBy(c => c, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, rank) => (g.Key, Type: ProductTypes[rank % ProductTypes.Length]))
            .ToDictionary(p => p.Key, p => p.Type, StringComparer.Ordinal);

    /// <summary>A title such as "Lunera Hydrating Face Serum" for the SKU with hash <paramref name="skuHash"/>.</summary>
    public static string Title(string brand, string productType, ulong skuHash) =>
        $"{BrandName(brand)} {Adjectives[(int)(skuHash % (ulong)Adjectives.Length)]} {productType}";

    /// <summary>A made-up, stable brand name for a brand id; "Essentials" for unbranded items.</summary>
    public static string BrandName(string brand)
    {
        if (brand == Datasets.ItemFacets.Unbranded)
        {
            return "Essentials";
        }

        var hash = StableHash.Of(brand);
        var name = Syllables[(int)(hash % (ulong)Syllables.Length)]
            + Syllables[(int)(hash / 31 % (ulong)Syllables.Length)]
            + Syllables[(int)(hash / 977 % (ulong)Syllables.Length)];
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
