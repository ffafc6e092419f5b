using EcomOrleans.Inference.Demand;
using EcomOrleans.Inference.Intent;
using EcomOrleans.Inference.Models;
using EcomOrleans.Inference.Sequence;

namespace EcomOrleans.Inference.Hosting;

/// <summary>The model kinds this server serves, as plug-ins of the <see cref="ModelRegistry"/>.</summary>
public static class InferenceModelKinds
{
    /// <summary>sequence, intent and demand, in that order (the order start-up errors list them in).</summary>
    public static IReadOnlyList<IModelKind> All { get; } = [SequenceModel.Kind, IntentModel.Kind, DemandModel.Kind];
}
