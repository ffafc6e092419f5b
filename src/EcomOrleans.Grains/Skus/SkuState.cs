using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>The persisted state of a <see cref="SkuGrain"/>.</summary>
[GenerateSerializer, Alias("ecom.SkuState")]
public sealed class SkuState
{
    /// <summary>Catalog facts; <see langword="null"/> until the SKU is put in the catalog.</summary>
    [Id(0)] public SkuCatalog? Catalog { get; set; }

    /// <summary>Units on hand now.</summary>
    [Id(1)] public int Stock { get; set; }

    [Id(2)] public long LostUnits { get; set; }

    [Id(3)] public DemandCountsState Totals { get; set; } = new();

    /// <summary>Hourly buckets, oldest first, only hours with demand.</summary>
    [Id(4)] public List<DemandCountsState> Hourly { get; set; } = [];

    /// <summary>Daily (UTC) buckets, oldest first, only days with demand.</summary>
    [Id(5)] public List<DemandCountsState> Daily { get; set; } = [];

    /// <summary>Keys of the most recent events counted, oldest first (see <see cref="Storage.EventKey"/>).</summary>
    [Id(6)] public List<ulong> RecentEventKeys { get; set; } = [];

    [Id(7)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Recent demand weight, decayed, as of <see cref="TrendingAsOf"/>.</summary>
    [Id(8)] public double TrendingScore { get; set; }

    [Id(9)] public DateTimeOffset TrendingAsOf { get; set; }

    /// <summary>SKUs viewed in a session just before this one, with how often.</summary>
    [Id(10)] public Dictionary<string, long> CoViews { get; set; } = new(StringComparer.Ordinal);
}
