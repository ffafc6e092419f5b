namespace EcomOrleans.Training.Demand;

/// <param name="Rmsse">RMSSE of the mean forecast, the point forecast RMSSE rewards.</param>
internal sealed record SeriesScore(string Id, double Rmsse, double RmsseP50, double RmsseSeasonalNaive, double RmsseExpSmoothing, double P90Coverage);
