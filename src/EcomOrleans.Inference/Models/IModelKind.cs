using EcomOrleans.Models;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Inference.Models;

/// <summary>
/// A kind of model the registry can serve: the manifest <c>kind</c> it answers to and how to load one
/// from a checked manifest and its session. Registered in DI by <c>AddEcomInference</c>; the registry
/// knows only this abstraction.
/// </summary>
public interface IModelKind
{
    /// <summary>The manifest <c>kind</c> value (<see cref="ModelKinds"/>).</summary>
    string Name { get; }

    /// <summary>
    /// Builds the model from <paramref name="manifest"/> (already checked against the session) and the
    /// files in <paramref name="directory"/>; throws <see cref="ModelLoadException"/> naming the problem.
    /// </summary>
    LoadedModel Load(ModelManifest manifest, string directory, InferenceSession session);
}
