namespace EcomOrleans.Grains.Catalog;

[GenerateSerializer, Alias("ecom.CategoryIndexState")]
public sealed class CategoryIndexState
{
    [Id(0)] public HashSet<string> Skus { get; set; } = new(StringComparer.Ordinal);
}
