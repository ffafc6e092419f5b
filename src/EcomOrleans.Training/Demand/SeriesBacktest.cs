namespace EcomOrleans.Training.Demand;

internal sealed record SeriesBacktest(string Id, double Rmsse, double ScaledPinball, double P90Coverage);
