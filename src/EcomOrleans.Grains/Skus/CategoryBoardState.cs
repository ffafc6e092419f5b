using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>A <see cref="CategoryBoardGrain"/>'s standings, saved now and then: derived data that the SKUs report again.</summary>
[GenerateSerializer, Alias("ecom.CategoryBoardState")]
public sealed class CategoryBoardState
{
    [Id(0)] public Dictionary<string, SkuStanding> Standings { get; set; } = new(StringComparer.Ordinal);
}
