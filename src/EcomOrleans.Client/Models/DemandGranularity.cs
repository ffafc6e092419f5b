using System.Text.Json.Serialization;

namespace EcomOrleans.Client.Models;

/// <summary>The width of a demand bucket: the <c>granularity</c> of <c>GET /api/skus/{sku}/demand</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DemandGranularity>))]
public enum DemandGranularity
{
    /// <summary><c>hour</c>: hourly buckets, the last 7 days.</summary>
    [JsonStringEnumMemberName("hour")]
    Hour = 0,

    /// <summary><c>day</c>: UTC-day buckets, the last 120 days. The engine's default.</summary>
    [JsonStringEnumMemberName("day")]
    Day = 1,
}
