namespace EcomOrleans.Inference.Models;

/// <summary>Keeps one model version alive for a run; dispose it when the run ends.</summary>
public readonly struct ModelLease<TModel> : IDisposable
    where TModel : LoadedModel
{
    internal ModelLease(TModel model) => Model = model;

    public TModel Model { get; }

    public void Dispose() => Model?.Release();
}
