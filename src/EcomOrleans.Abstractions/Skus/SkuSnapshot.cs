namespace EcomOrleans.Skus;

/// <summary>A SKU's catalog facts with its live stock and lifetime demand totals.</summary>
/// <param name="Stock">Units on hand now: the catalog figure less the units bought since.</param>
/// <param name="LostUnits">Units asked for by purchases while stock could not cover them.</param>
[GenerateSerializer, Immutable, Alias("ecom.SkuSnapshot")]
public sealed record SkuSnapshot(
    [property: Id(0)] string Sku,
    [property: Id(1)] SkuCatalog Catalog,
    [property: Id(2)] int Stock,
    [property: Id(3)] DemandCounts Totals,
    [property: Id(4)] long LostUnits,
    [property: Id(5)] DateTimeOffset UpdatedAt)
{
    public bool InStock => Stock > 0;
}
