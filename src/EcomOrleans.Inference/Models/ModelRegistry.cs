using System.Collections.Concurrent;
using EcomOrleans.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Inference.Models;

/// <summary>
/// The models of this silo, one per kind, each with one shared ONNX Runtime session. Loads every
/// model folder under the models path at start-up, checking each manifest against its ONNX model,
/// and swaps in a new version at run time: new runs lease the new version while the old one drains,
/// then the old session is disposed. The kinds it serves are the <see cref="IModelKind"/> plug-ins it is
/// given; it knows none of them itself.
/// </summary>
public sealed partial class ModelRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, LoadedModel> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FolderStamp> _seen = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _swapping = new(1, 1);
    private readonly InferenceOptions _options;
    private readonly IReadOnlyList<IModelKind> _kinds;
    private readonly ILogger<ModelRegistry> _logger;

    /// <param name="kinds">The model kinds this silo serves, one per manifest <c>kind</c>.</param>
    public ModelRegistry(IOptions<InferenceOptions> options, IEnumerable<IModelKind> kinds, ILogger<ModelRegistry> logger)
    {
        _options = options.Value;
        _kinds = [.. kinds];
        _logger = logger;
        if (_kinds.GroupBy(k => k.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"Model kind '{duplicate.Key}' is registered {duplicate.Count()} times; register each kind once.", nameof(kinds));
        }

        ModelsPath = _options.ModelsPath is { Length: > 0 } path ? Path.GetFullPath(path) : FindModelsFolder(AppContext.BaseDirectory);
    }

    /// <summary>The resolved models folder, or null when none was configured or found.</summary>
    public string? ModelsPath { get; }

    /// <summary>The kinds this registry can serve, in registration order.</summary>
    public IReadOnlyList<string> Kinds => [.. _kinds.Select(k => k.Name)];

    /// <summary>The loaded kinds and their versions.</summary>
    public IReadOnlyDictionary<string, string> Versions => _models.ToDictionary(m => m.Key, m => m.Value.Version, StringComparer.Ordinal);

    /// <summary>
    /// Loads every sub-folder of <see cref="ModelsPath"/> that has a manifest.json. Throws
    /// <see cref="ModelLoadException"/>, naming the model and file, when one cannot be loaded; logs a
    /// warning and loads nothing when there is no models folder.
    /// </summary>
    public void LoadAll()
    {
        OnnxSessions.CheckProvider(_options);
        if (ModelsPath is null || !System.IO.Directory.Exists(ModelsPath))
        {
            LogNoModelsFolder(_logger, ModelsPath ?? $"(none named 'models' above {AppContext.BaseDirectory})");
            return;
        }

        foreach (var directory in System.IO.Directory.GetDirectories(ModelsPath).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(directory, ModelManifest.FileName)))
            {
                LogNoManifest(_logger, directory);
                continue;
            }

            var stamp = FolderStamp.Of(directory);
            var model = Load(directory);
            if (_models.TryGetValue(model.Manifest.Kind, out var other))
            {
                model.Dispose();
                throw new ModelLoadException($"Model folders '{other.Directory}' and '{directory}' both hold a '{other.Manifest.Kind}' model; keep one.");
            }

            _models[model.Manifest.Kind] = model;
            _seen[directory] = stamp;
            LogLoaded(_logger, model.Manifest.Kind, model.Manifest.Name, model.Version, directory);
        }
    }

    /// <summary>The version of the loaded model of <paramref name="kind"/>, or null when none is loaded.</summary>
    public string? VersionOf(string kind) => _models.TryGetValue(kind, out var model) ? model.Version : null;

    /// <summary>Whether a model of <paramref name="kind"/> is loaded.</summary>
    public bool IsLoaded(string kind) => _models.ContainsKey(kind);

    /// <summary>
    /// Leases the current version of <paramref name="kind"/> for one run; dispose the lease when the run
    /// ends. Throws <see cref="ModelNotLoadedException"/> when none is loaded.
    /// </summary>
    public ModelLease<TModel> Acquire<TModel>(string kind)
        where TModel : LoadedModel
    {
        while (true)
        {
            if (!_models.TryGetValue(kind, out var model))
            {
                throw ModelNotLoadedException.For(kind);
            }

            // A version swapped out and drained between the read and the lease: read the new one.
            if (model.TryAcquire())
            {
                return new ModelLease<TModel>((TModel)model);
            }
        }
    }

    /// <summary>
    /// Loads the model in <paramref name="directory"/> and swaps it in for the loaded one of its kind.
    /// Completes when the old version has drained and been disposed. A model that fails to load is not
    /// swapped in (the old one keeps serving) and the <see cref="ModelLoadException"/> is thrown.
    /// </summary>
    public async Task<LoadedModel> SwapAsync(string directory)
    {
        await _swapping.WaitAsync();
        try
        {
            var stamp = FolderStamp.Of(directory);
            _seen[directory] = stamp;
            var model = Load(directory);
            var kind = model.Manifest.Kind;
            LoadedModel? old = null;
            _models.AddOrUpdate(kind, model, (_, current) =>
            {
                old = current;
                return model;
            });
            if (old is not null)
            {
                old.Dispose();
                await old.Drained;
            }

            LogSwapped(_logger, kind, old?.Version ?? "(none)", model.Version, directory);
            return model;
        }
        finally
        {
            _swapping.Release();
        }
    }

    /// <summary>
    /// Swaps in every model folder whose manifest or ONNX file changed since it was last loaded (or tried),
    /// and loads new folders. A folder that fails to load is logged and left alone until it changes again.
    /// </summary>
    public async Task CheckForUpdatesAsync()
    {
        if (ModelsPath is null || !System.IO.Directory.Exists(ModelsPath))
        {
            return;
        }

        foreach (var directory in System.IO.Directory.GetDirectories(ModelsPath).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(directory, ModelManifest.FileName)) ||
                (_seen.TryGetValue(directory, out var seen) && seen == FolderStamp.Of(directory)))
            {
                continue;
            }

            try
            {
                await SwapAsync(directory);
            }
            catch (ModelLoadException exception)
            {
                LogSwapFailed(_logger, exception, directory);
            }
        }
    }

    /// <summary>Disposes every loaded model once its running leases end.</summary>
    public void Dispose()
    {
        foreach (var model in _models.Values)
        {
            model.Dispose();
        }

        _models.Clear();
        _swapping.Dispose();
    }

    /// <summary>The first folder named <c>models</c> in <paramref name="start"/> or above it, or null.</summary>
    public static string? FindModelsFolder(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "models");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private LoadedModel Load(string directory)
    {
        var manifest = ReadManifest(directory);
        var onnxPath = Path.Combine(directory, manifest.OnnxFile);
        if (!File.Exists(onnxPath))
        {
            throw new ModelLoadException($"Model '{manifest.Name}': model file '{onnxPath}' does not exist.");
        }

        InferenceSession session;
        using (var sessionOptions = OnnxSessions.Create(_options))
        {
            try
            {
                session = new InferenceSession(onnxPath, sessionOptions);
            }
            catch (OnnxRuntimeException exception) when (_options.ExecutionProvider == ExecutionProvider.Cuda && exception.Message.Contains("CUDA", StringComparison.OrdinalIgnoreCase))
            {
                // The provider's library loaded, but no device answered (no GPU, or a driver too old for CUDA 13).
                throw new ModelLoadException($"Model '{manifest.Name}': {OnnxSessions.CudaUnavailable(exception)}", exception);
            }
            catch (OnnxRuntimeException exception)
            {
                throw new ModelLoadException($"Model '{manifest.Name}': model file '{onnxPath}' could not be loaded by ONNX Runtime (see the inner exception).", exception);
            }
        }

        try
        {
            ModelContract.Check(manifest, onnxPath, session);
            var kind = _kinds.FirstOrDefault(k => k.Name == manifest.Kind)
                ?? throw new ModelLoadException(
                    $"Model '{manifest.Name}' ({Path.Combine(directory, ModelManifest.FileName)}) has kind '{manifest.Kind}'; this server serves {string.Join(", ", Kinds)}.");
            return kind.Load(manifest, directory, session);
        }
        catch (ModelContractException exception)
        {
            session.Dispose();
            throw new ModelLoadException(exception.Message, exception);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static ModelManifest ReadManifest(string directory)
    {
        try
        {
            return ModelManifest.Load(directory);
        }
        catch (ModelContractException exception)
        {
            throw new ModelLoadException(exception.Message, exception);
        }
    }
}
