namespace EcomOrleans.Catalog;

/// <summary>The SKUs of one catalog category (key: category), kept by the SKU grains as their catalog changes.</summary>
[Alias("ecom.ICategoryIndexGrain")]
public interface ICategoryIndexGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(string sku);

    [Alias("Remove")]
    Task RemoveAsync(string sku);

    [Alias("GetSkus")]
    Task<IReadOnlyList<string>> GetSkusAsync();
}
