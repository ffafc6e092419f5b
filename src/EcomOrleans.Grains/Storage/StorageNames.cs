namespace EcomOrleans.Grains.Storage;

/// <summary>Grain storage provider and state names, in one place so persisted keys never drift.</summary>
public static class StorageNames
{
    /// <summary>The grain storage provider every engine grain persists to.</summary>
    public const string Provider = "ecom";

    public const string UserState = "user";

    /// <summary>A user's spilled dedup keys: the older part of the window, apart from the state written on every batch.</summary>
    public const string UserDedupState = "user-dedup";
    public const string SkuState = "sku";
    public const string SearchDemandState = "search-demand";
    public const string SkuDemandState = "sku-demand";
    public const string SkuPlanState = "sku-plan";
    public const string CategoryBoardState = "category-board";
    public const string CatalogShardState = "catalog-shard";
    public const string TrendingState = "trending";
}
