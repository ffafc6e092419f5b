namespace EcomOrleans.Training.Demand;

internal sealed record DemandEvaluation(IReadOnlyList<SeriesScore> Series)
{
    public double Rmsse => Series.Average(s => s.Rmsse);
    public double RmsseP50 => Series.Average(s => s.RmsseP50);
    public double RmsseSeasonalNaive => Series.Average(s => s.RmsseSeasonalNaive);
    public double RmsseExpSmoothing => Series.Average(s => s.RmsseExpSmoothing);
    public double P90Coverage => Series.Average(s => s.P90Coverage);
}
