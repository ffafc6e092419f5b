namespace EcomOrleans.Training.Demand;

/// <summary>
/// <paramref name="Members"/>: LSTMs trained with seeds Seed, Seed + 1, ... and averaged;
/// <paramref name="MaxMinutes"/> is the budget of the whole run, shared evenly by the members;
/// <paramref name="Refit"/>: once validation has chosen a member's epoch count, that member is
/// trained again from the same seed for as many epochs on every window before the test days, so
/// the model has seen the most recent weeks.
/// </summary>
internal sealed record DemandTrainingOptions(
    DemandModelOptions Model, int Epochs = 60, int BatchSize = 128, double LearningRate = 3e-3, int Patience = 15, int Seed = 42, double MaxMinutes = 15,
    int Members = 5, DemandLossScale LossScale = DemandLossScale.Rmsse, bool Refit = false);
