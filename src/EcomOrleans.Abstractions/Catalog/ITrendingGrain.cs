namespace EcomOrleans.Catalog;

/// <summary>
/// Demand rankings, pre-ranked and bounded, sharded by category: SKU grains report, without waiting, to their category's
/// grain (<see cref="KeyOf"/>) at most every report interval, and each category grain sends its top SKUs to
/// the catalog-wide grain (<see cref="AllCategories"/>), so no activation takes every SKU's report.
/// </summary>
[Alias("ecom.ITrendingGrain")]
public interface ITrendingGrain : IGrainWithStringKey
{
    /// <summary>The key of the catalog-wide ranking.</summary>
    public const string AllCategories = "all";

    /// <summary>The key of a category's ranking, or of the catalog-wide one when <paramref name="category"/> is null.</summary>
    public static string KeyOf(string? category) => category is null ? AllCategories : $"category:{category}";

    /// <summary>A SKU's demand now (to a category's grain). SKU grains send it without waiting: ingestion never waits for the ranking.</summary>
    [Alias("Report")]
    Task ReportAsync(SkuDemandReport report);

    /// <summary>A category's top SKUs now, replacing what it sent before (to the catalog-wide grain).</summary>
    [Alias("Merge")]
    Task MergeAsync(string category, IReadOnlyList<SkuDemandReport> top);

    /// <summary>SKUs with the most recent demand (decayed), best first.</summary>
    [Alias("GetTrending")]
    Task<IReadOnlyList<RankedSku>> GetTrendingAsync(int count);

    /// <summary>SKUs with the most units sold, best first.</summary>
    [Alias("GetPopular")]
    Task<IReadOnlyList<RankedSku>> GetPopularAsync(int count);
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
