namespace EcomOrleans.Training.Intent;

internal sealed record IntentTrainingOptions(
    IntentModelOptions Model, int Epochs = 8, int BatchSize = 64, double LearningRate = 2e-3, int Seed = 42, double MaxMinutes = 20);
