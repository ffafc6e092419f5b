namespace EcomOrleans.Training.Sequence;

/// <param name="MaxMinutes">Training stops after the epoch that crosses this wall-clock budget (the best epoch is kept).</param>
/// <param name="ValidationUsers">Users sampled for the per-epoch validation ranking.</param>
/// <param name="Refit">After validation picks the epoch count, train a fresh model that long with the validation items as targets too.</param>
/// <param name="RefitEpochs">Skip validation: train that way for this many epochs, a count an earlier validated run chose.</param>
internal sealed record SequenceTrainingOptions(
    SasRecOptions Model, int Epochs = 200, int BatchSize = 128, double LearningRate = 1e-3, int Patience = 10,
    int Seed = 42, int ValidationUsers = 5000, double MaxMinutes = 30, bool Refit = true, int? RefitEpochs = null);
