using System.Text.Json.Serialization;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// The hot half of a <see cref="SkuGrain"/>'s state: catalog facts and stock, written when they change. Demand history
/// lives apart in <see cref="SkuDemandState"/>, so a view never rewrites the catalog and a stock change never
/// rewrites 120 days of buckets.
/// </summary>
/// <remarks>
/// State written before the split kept the history here too; those properties are read once, moved into
/// <see cref="SkuDemandState"/> when that has no record yet, and never written again.
/// </remarks>
[GenerateSerializer, Alias("ecom.SkuState")]
public sealed class SkuState
{
    /// <summary>Catalog facts; <see langword="null"/> until the SKU is put in the catalog.</summary>
    [Id(0)] public SkuCatalog? Catalog { get; set; }

    /// <summary>Units on hand now.</summary>
    [Id(1)] public int Stock { get; set; }

    /// <summary>
    /// Units the storefront sold beyond the stock the engine held: still sales (counted in the demand), but a sign that
    /// the catalog's stock figure was behind. Stored under its old name: state written before it was told apart from
    /// lost demand counted exactly these units as "lost".
    /// </summary>
    [Id(2), JsonPropertyName("LostUnits")] public long OversoldUnits { get; set; }

    [Id(7)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DemandCountsState? Totals { get; set; }

    [Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<DemandCountsState>? Hourly { get; set; }

    [Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<DemandCountsState>? Daily { get; set; }

    [Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ulong>? RecentEventKeys { get; set; }

    [Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? TrendingScore { get; set; }

    [Id(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? TrendingAsOf { get; set; }

    [Id(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, long>? CoViews { get; set; }
}
