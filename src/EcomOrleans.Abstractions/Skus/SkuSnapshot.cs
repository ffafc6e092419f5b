namespace EcomOrleans.Skus;

/// <summary>A SKU's catalog facts with its live stock and lifetime demand totals.</summary>
/// <param name="Stock">Units on hand now: the catalog figure less the units bought since.</param>
/// <param name="LostUnits">
/// Estimated units of demand lost to stock-outs: views while out of stock times the SKU's in-stock conversion (units per
/// view), rounded. A purchase is never lost: the storefront sold it.
/// </param>
/// <param name="OversoldUnits">Units sold beyond the stock the engine held (its stock figure was behind the shelf).</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuSnapshot")]
public sealed record SkuSnapshot(
    [property: Id(0)] string Sku,
    [property: Id(1)] SkuCatalog Catalog,
    [property: Id(2)] int Stock,
    [property: Id(3)] DemandCounts Totals,
    [property: Id(4)] long LostUnits,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] long OversoldUnits = 0)
{
    public bool InStock => Stock > 0;
}
