using EcomOrleans.Models.Demand;

namespace EcomOrleans.Training.Demand;

/// <summary>
/// The shape of the demand models this tool trains: for each of the <see cref="Window"/> days before the
/// forecast origin (oldest first), every feature of <see cref="DemandFeatures.Layout"/>, plus the scale the
/// outputs are multiplied by; <see cref="Horizon"/> days forecast.
/// </summary>
internal static class DemandModelShape
{
    public const int Window = 56;
    public const int Horizon = 14;

    /// <summary>Features per day: the whole layout.</summary>
    public static int FeatureCount => DemandFeatures.Layout.Count;

    /// <summary>Features [Window, FeatureCount] for the days origin - Window .. origin - 1 of <paramref name="series"/>.</summary>
    public static float[] Features(DemandSeries series, int origin) => DemandFeatures.Build(series, origin, Window);

    /// <summary>The scale of the same window: max(1, mean units).</summary>
    public static float Scale(DemandSeries series, int origin) => DemandFeatures.Scale(series.Units.AsSpan(origin - Window, Window));
}
