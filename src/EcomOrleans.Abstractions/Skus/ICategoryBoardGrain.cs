namespace EcomOrleans.Skus;

/// <summary>
/// One category's merchandising board (key: the category): the standing each of its SKUs last reported, ranked for the
/// leaderboard and the demand gaps, and the category's price elasticity. SKU grains report without waiting for it.
/// </summary>
[Alias("ecom.ICategoryBoardGrain")]
public interface ICategoryBoardGrain : IGrainWithStringKey
{
    /// <summary>A SKU's standing now, replacing what it reported before.</summary>
    [Alias("Report")]
    Task ReportAsync(SkuStanding standing);

    /// <summary>A SKU that left the category (moved or deleted): its standing is dropped.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string sku);

    /// <summary>The top <paramref name="count"/> SKUs by <paramref name="sort"/>.</summary>
    [Alias("GetLeaders")]
    Task<IReadOnlyList<SkuStanding>> GetLeadersAsync(LeaderboardSort sort, int count);

    /// <summary>The SKUs viewed most often per purchase over the last 28 days (at least <paramref name="minimumViews"/> views), worst first.</summary>
    [Alias("GetViewedNotBought")]
    Task<IReadOnlyList<SkuStanding>> GetViewedNotBoughtAsync(int count, int minimumViews);

    /// <summary>
    /// The category's latent demand: its totals, the <paramref name="count"/> SKUs losing most to stock-outs, and the
    /// <paramref name="count"/> viewed most often per purchase among those with at least <paramref name="minimumViews"/> views.
    /// </summary>
    [Alias("GetGaps")]
    Task<CategoryGaps> GetGapsAsync(int count, int minimumViews);

    /// <summary>The elasticity across the SKUs' own fits; <see langword="null"/> with fewer than two.</summary>
    [Alias("GetElasticity")]
    Task<CategoryElasticity?> GetElasticityAsync();
}
