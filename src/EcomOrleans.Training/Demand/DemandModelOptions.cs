namespace EcomOrleans.Training.Demand;

internal sealed record DemandModelOptions(int Hidden = 32, int Layers = 1, double Dropout = 0.1);
