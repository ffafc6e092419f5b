namespace EcomOrleans.Models.Demand;

/// <summary>
/// The demand forecaster's contract: per-day features [batch, window, features] (named, in order, by
/// <c>details.features</c>) and scale [batch, 1] to the mean [batch, horizon] and quantiles
/// [batch, horizon, quantiles] (levels in <c>details.quantiles</c>), in units per day.
/// </summary>
public static class DemandContract
{
    public const string HistoryInput = "history";
    public const string ScaleInput = "scale";
    public const string MeanOutput = "mean";
    public const string QuantilesOutput = "quantiles";
}
