using EcomOrleans.Catalog;

namespace EcomOrleans.Skus;

/// <summary>One catalog item (key: SKU): its facts, stock and demand.</summary>
[Alias("ecom.ISkuGrain")]
public interface ISkuGrain : IGrainWithStringKey
{
    /// <summary>Sets the catalog facts and the units on hand; returns once durable and listed in every silo's read model.</summary>
    [Alias("UpsertCatalog")]
    Task<SkuSnapshot> UpsertCatalogAsync(SkuCatalog catalog);

    /// <summary>
    /// Counts events into the demand buckets (purchases also take stock), once per event key, and returns once
    /// durable (and, when stock crossed zero, once every silo's read model knows). Called by user grains only.
    /// </summary>
    /// <param name="coViewed">SKUs the same sessions looked at just before these events, for "also viewed".</param>
    [Alias("ApplyEvents")]
    Task ApplyEventsAsync(IReadOnlyList<SkuEvent> events, IReadOnlyList<string> coViewed);

    /// <summary>The SKUs most often viewed in a session just before this one, most first.</summary>
    [Alias("GetCoViewed")]
    Task<IReadOnlyList<RankedSku>> GetCoViewedAsync(int count);

    /// <summary>The current state, or <see langword="null"/> when the SKU was never put in the catalog.</summary>
    [Alias("Get")]
    Task<SkuSnapshot?> GetAsync();

    /// <summary>The demand buckets at the given granularity, oldest first.</summary>
    [Alias("GetDemand")]
    Task<DemandSeries> GetDemandAsync(DemandGranularity granularity);

    /// <summary>
    /// The forecast in force (remade first when it is due, as decisions do, so a SKU's first read has one) beside the
    /// recent actuals and the running accuracy; <see langword="null"/> when the SKU is not in the catalog.
    /// </summary>
    [Alias("GetOutlook")]
    Task<SkuDemandOutlook?> GetOutlookAsync();

    /// <summary>
    /// Scores the days closed since the last refresh and remakes the forecast now (through the inference pool at
    /// background priority, or a baseline that says why); <see langword="null"/> when the SKU is not in the catalog.
    /// </summary>
    [Alias("RefreshForecast")]
    Task<SkuDemandOutlook?> RefreshForecastAsync();

    /// <summary>
    /// The restock and price decisions made now from the forecast in force (remade first when due); a new price
    /// suggestion joins the audit trail and supersedes the pending one. <see langword="null"/> when the SKU is not in the catalog.
    /// </summary>
    [Alias("GetDecisions")]
    Task<SkuDecisions?> GetDecisionsAsync();

    /// <summary>Accepts a pending price suggestion: the catalog price becomes the suggested one, once, and the trail records it.</summary>
    [Alias("AcceptPrice")]
    Task<PriceAcceptResult> AcceptPriceAsync(string suggestionId);
}
