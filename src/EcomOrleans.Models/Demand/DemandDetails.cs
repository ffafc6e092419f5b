using System.Text.Json.Nodes;

namespace EcomOrleans.Models.Demand;

/// <summary>
/// A demand manifest's <c>details</c>: the window and horizon in days, the quantile level of each channel
/// of <see cref="DemandContract.QuantilesOutput"/>, and the per-day features by stable name, in input
/// order (each written as <c>{ "name", "description" }</c>).
/// </summary>
public sealed record DemandDetails(int Window, int Horizon, IReadOnlyList<float> Quantiles, IReadOnlyList<string> Features)
{
    public const string WindowKey = "window";
    public const string HorizonKey = "horizon";
    public const string QuantilesKey = "quantiles";
    public const string FeaturesKey = "features";
    public const string FeatureNameKey = "name";
    public const string FeatureDescriptionKey = "description";

    /// <summary>The details as the training tool writes them, with the prose notes on scale and missing days.</summary>
    public JsonObject ToJson() => new()
    {
        [WindowKey] = Window,
        [HorizonKey] = Horizon,
        [QuantilesKey] = new JsonArray([.. Quantiles.Select(q => JsonValue.Create(q))]),
        [FeaturesKey] = new JsonArray([.. Features.Select(name => new JsonObject
        {
            [FeatureNameKey] = name,
            [FeatureDescriptionKey] = DemandFeatures.All.FirstOrDefault(f => f.Name == name)?.Description,
        })]),
        ["scale"] = "scale = max(1, mean of daily units over the window); outputs are already multiplied by it",
        ["missingDays"] = "days without sales count as 0 units; a missing price repeats the last known price",
    };

    /// <summary>
    /// Reads <paramref name="details"/>; a missing value reads as 0 or empty, for the caller to check
    /// against the model's tensors. A feature written as a bare string is read as its name.
    /// </summary>
    public static DemandDetails From(JsonObject details)
    {
        var quantiles = details[QuantilesKey] is JsonArray levels ? levels.Select(q => q is JsonValue level && level.TryGetValue<float>(out var value) ? value : float.NaN).ToArray() : [];
        var features = details[FeaturesKey] is JsonArray list
            ? list.Select(f => f switch
            {
                JsonObject named => named[FeatureNameKey]?.GetValue<string>() ?? "",
                JsonValue value when value.TryGetValue<string>(out var name) => name,
                _ => "",
            }).ToArray()
            : [];
        return new DemandDetails(IntOf(details[WindowKey]), IntOf(details[HorizonKey]), quantiles, features);
    }

    private static int IntOf(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;
}
