namespace EcomOrleans.Catalog;

/// <summary>A silo's read model of the catalog, told of every listing change by the catalog shards.</summary>
[Alias("ecom.ICatalogObserver")]
public interface ICatalogObserver : IGrainObserver
{
    [Alias("OnListingChanged")]
    Task OnListingChangedAsync(SkuListing listing);
}
