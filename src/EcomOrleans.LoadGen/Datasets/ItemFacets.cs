namespace EcomOrleans.LoadGen.Datasets;

/// <summary>The category and brand a catalog entry shows.</summary>
public sealed record ItemFacets(string Category, string Brand)
{
    public const string Uncategorized = "uncategorized";
    public const string Unbranded = "unbranded";

    public static ItemFacets None { get; } = new(Uncategorized, Unbranded);
}
