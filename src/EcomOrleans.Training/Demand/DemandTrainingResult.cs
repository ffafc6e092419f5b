using EcomOrleans.Training.Common;

namespace EcomOrleans.Training.Demand;

/// <summary>The trained ensemble, each member's learning curve and kept epoch, and the ensemble's score on the validation period.</summary>
internal sealed record DemandTrainingResult(DemandEnsemble Model, IReadOnlyList<LearningCurve> Curves, IReadOnlyList<int> BestEpochs, DemandEvaluation Validation);
