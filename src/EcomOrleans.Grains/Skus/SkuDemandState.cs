using System.Text.Json.Serialization;
using EcomOrleans.Grains.Common;

namespace EcomOrleans.Grains.Skus;

/// <summary>The cold half of a <see cref="SkuGrain"/>'s state: demand counters, co-views and the dedup window.</summary>
[GenerateSerializer, Alias("ecom.SkuDemandState")]
public sealed class SkuDemandState
{
    [Id(0)] public DemandCountsState Totals { get; set; } = new();

    /// <summary>Hourly buckets, oldest first, only hours with demand.</summary>
    [Id(1)] public List<DemandCountsState> Hourly { get; set; } = [];

    /// <summary>Daily (UTC) buckets, oldest first, only days with demand.</summary>
    [Id(2)] public List<DemandCountsState> Daily { get; set; } = [];

    /// <summary>Keys of the most recent events counted (see <see cref="Skus.SkuEvent.Key"/>).</summary>
    [Id(3)] public DedupState Dedup { get; set; } = new();

    /// <summary>Recent demand weight, decayed, as of <see cref="TrendingAsOf"/>.</summary>
    [Id(4)] public double TrendingScore { get; set; }

    [Id(5)] public DateTimeOffset TrendingAsOf { get; set; }

    /// <summary>SKUs viewed in a session just before this one, with how often.</summary>
    [Id(6)] public Dictionary<string, long> CoViews { get; set; } = new(StringComparer.Ordinal);

    [Id(7)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Units sold each UTC day, one entry a day from <see cref="UnitHistoryStart"/> (the first day with any recorded
    /// demand, at most <see cref="SkuGrainOptions.UnitHistoryRetention"/> ago) to the last day with demand: the history
    /// the forecaster reads, kept six times longer than the daily buckets because it is one number a day.
    /// <see langword="null"/> in state written before it existed; it is then rebuilt from <see cref="Daily"/>.
    /// </summary>
    [Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<int>? UnitHistory { get; set; }

    [Id(9)] public DateOnly UnitHistoryStart { get; set; }
}
