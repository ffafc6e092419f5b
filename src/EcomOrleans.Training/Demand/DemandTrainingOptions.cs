namespace EcomOrleans.Training.Demand;

internal sealed record DemandTrainingOptions(
    DemandModelOptions Model, int Epochs = 60, int BatchSize = 128, double LearningRate = 3e-3, int Patience = 15, int Seed = 42, double MaxMinutes = 15);
