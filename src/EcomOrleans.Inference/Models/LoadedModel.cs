using EcomOrleans.Models;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Inference.Models;

/// <summary>
/// One version of a model: its manifest, its shared ONNX Runtime session and the files beside it.
/// Runs hold a lease; a swapped-out version is disposed when its last lease ends (drain, then dispose).
/// </summary>
public abstract class LoadedModel : IDisposable
{
    // The registry's own reference is the first; each lease adds one.
    private int _references = 1;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected LoadedModel(ModelManifest manifest, string directory, InferenceSession session)
    {
        Manifest = manifest;
        Directory = directory;
        Session = session;
    }

    public ModelManifest Manifest { get; }

    /// <summary>The folder the model was loaded from.</summary>
    public string Directory { get; }

    /// <summary>The manifest's version, returned with every answer.</summary>
    public string Version => Manifest.Version;

    /// <summary>The session every run of this version shares (ONNX Runtime sessions are thread-safe for Run).</summary>
    public InferenceSession Session { get; }

    /// <summary>Options of every run; shared, never changed.</summary>
    public RunOptions RunOptions { get; } = new();

    /// <summary>Completes when the model has been retired and its last lease has ended.</summary>
    internal Task Drained => _drained.Task;

    /// <summary>Adds a lease unless the model is retired and drained.</summary>
    internal bool TryAcquire()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Ends a lease, or the registry's reference; the last one disposes the session.</summary>
    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            RunOptions.Dispose();
            Session.Dispose();
            DisposeOwned();
            _drained.TrySetResult();
        }
    }

    /// <summary>Disposes what a model kind holds besides <see cref="Session"/>, once the last lease has ended.</summary>
    protected virtual void DisposeOwned()
    {
    }

    /// <summary>Drops the registry's reference: no new lease after the running ones end.</summary>
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }
}
