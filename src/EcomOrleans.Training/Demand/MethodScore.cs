namespace EcomOrleans.Training.Demand;

/// <param name="Rmsse">Mean over (series, origin) of the mean forecast's RMSSE, scaled by the history before the origin.</param>
/// <param name="ScaledPinball">Mean over (series, origin) of the p10/p50/p90 pinball loss scaled by the history's mean absolute change.</param>
/// <param name="P90Coverage">Share of forecast days whose actual was at or under p90.</param>
internal sealed record MethodScore(string Name, double Rmsse, double ScaledPinball, double P90Coverage, IReadOnlyList<SeriesBacktest> PerSeries);
