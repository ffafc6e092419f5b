namespace EcomOrleans.Training.Demand;

internal sealed record DemandForecast(float[] Mean, float[] P10, float[] P50, float[] P90);
