namespace EcomOrleans.Catalog;

/// <summary>
/// What the recommendation read model knows of a SKU: it is in the catalog, its category and whether it has stock.
/// SKU grains push a new listing when the catalog changes or stock crosses zero, before they acknowledge.
/// </summary>
/// <param name="Version">Grows with every change of the SKU's listing; a cache keeps the highest it has seen.</param>
/// <param name="Text">
/// What a search is matched against: title and brand, at most <see cref="MaxTextLength"/> characters (the category is
/// apart). <see langword="null"/> in listings stored before it was added; they get it at their next catalog change.
/// </param>
/// <param name="Price">
/// The catalog price, for where a SKU sits among its category's prices (the bot's price sensitivity signal).
/// <see langword="null"/> in listings stored before it was added, until the SKU's next catalog change.
/// </param>
[GenerateSerializer, Immutable, Alias("ecom.SkuListing")]
public sealed record SkuListing(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Category,
    [property: Id(2)] bool InStock,
    [property: Id(3)] long Version,
    [property: Id(4)] string? Text = null,
    [property: Id(5)] decimal? Price = null)
{
    /// <summary>The longest listing text: enough for a title's words that matter, and it keeps a shard's state small.</summary>
    public const int MaxTextLength = 96;

    /// <summary>
    /// Whether this listing says nothing new over <paramref name="known"/>: the same category, stock state, and text and
    /// price (a null text or price here, from a SKU that does not know them, leaves the known ones). Versions aside.
    /// </summary>
    public bool AddsNothingTo(SkuListing known) =>
        string.Equals(known.Category, Category, StringComparison.Ordinal) && known.InStock == InStock
        && (Text is null || string.Equals(known.Text, Text, StringComparison.Ordinal))
        && (Price is null || known.Price == Price);

    /// <summary>The listing text of a SKU's title and brand.</summary>
    public static string TextOf(string title, string brand)
    {
        var text = $"{title} {brand}";
        return text.Length <= MaxTextLength ? text : text[..MaxTextLength];
    }
}
