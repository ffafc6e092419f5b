using EcomOrleans.Models;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Inference.Models;

/// <summary>A model kind whose models are <typeparamref name="TModel"/>, loaded by <paramref name="load"/>.</summary>
public sealed class ModelKind<TModel>(string name, Func<ModelManifest, string, InferenceSession, TModel> load) : IModelKind
    where TModel : LoadedModel
{
    public string Name { get; } = name;

    public LoadedModel Load(ModelManifest manifest, string directory, InferenceSession session) => load(manifest, directory, session);
}
