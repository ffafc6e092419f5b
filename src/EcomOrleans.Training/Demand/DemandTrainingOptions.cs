namespace EcomOrleans.Training.Demand;

/// <summary>
/// <paramref name="Members"/>: LSTMs trained with seeds Seed, Seed + 1, ... and averaged;
/// <paramref name="MaxMinutes"/> is the budget of the whole run, shared evenly by the members.
/// </summary>
internal sealed record DemandTrainingOptions(
    DemandModelOptions Model, int Epochs = 60, int BatchSize = 128, double LearningRate = 3e-3, int Patience = 15, int Seed = 42, double MaxMinutes = 15,
    int Members = 5, DemandLossScale LossScale = DemandLossScale.Rmsse);
