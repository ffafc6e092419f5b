namespace EcomOrleans.Catalog;

/// <summary>
/// Catalog-wide demand ranking (key: <see cref="GlobalKey"/>): SKU grains report their demand now and
/// then, and the fallback chain asks for what is trending or popular.
/// </summary>
[Alias("ecom.ITrendingGrain")]
public interface ITrendingGrain : IGrainWithStringKey
{
    public const string GlobalKey = "global";

    [Alias("Report")]
    Task ReportAsync(SkuDemandReport report);

    /// <summary>SKUs with the most recent demand (decayed), best first, optionally of one category.</summary>
    [Alias("GetTrending")]
    Task<IReadOnlyList<RankedSku>> GetTrendingAsync(int count, string? category);

    /// <summary>SKUs with the most units sold, best first, optionally of one category.</summary>
    [Alias("GetPopular")]
    Task<IReadOnlyList<RankedSku>> GetPopularAsync(int count, string? category);
}

/// <param name="TrendingScore">Demand weight decayed to <paramref name="AsOf"/> (view 1, click 2, cart 3, purchase 5; 1-hour half-life).</param>
/// <param name="Units">Units sold over the SKU's lifetime.</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuDemandReport")]
public sealed record SkuDemandReport(
    [property: Id(0)] string Sku,
    [property: Id(1)] string? Category,
    [property: Id(2)] double TrendingScore,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] long Units);

[GenerateSerializer, Immutable, Alias("ecom.RankedSku")]
public sealed record RankedSku([property: Id(0)] string Sku, [property: Id(1)] double Score);
