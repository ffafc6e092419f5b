using Microsoft.Extensions.Logging;

namespace EcomOrleans.Inference.Models;

public sealed partial class ModelRegistry
{
    [LoggerMessage(4001, LogLevel.Warning, "No models folder at {Path}: the silo runs without models and inference calls fail with 'model is not loaded'")]
    private static partial void LogNoModelsFolder(ILogger logger, string path);

    [LoggerMessage(4002, LogLevel.Warning, "Model folder {Directory} has no manifest.json yet; skipped")]
    private static partial void LogNoManifest(ILogger logger, string directory);

    [LoggerMessage(4003, LogLevel.Information, "Loaded {Kind} model {Name} version {Version} from {Directory}")]
    private static partial void LogLoaded(ILogger logger, string kind, string name, string version, string directory);

    [LoggerMessage(4004, LogLevel.Information, "Swapped {Kind} model version {OldVersion} for {NewVersion} from {Directory}; the old version drained and was disposed")]
    private static partial void LogSwapped(ILogger logger, string kind, string oldVersion, string newVersion, string directory);

    [LoggerMessage(4005, LogLevel.Error, "The model in {Directory} changed but could not be loaded; the loaded version keeps serving")]
    private static partial void LogSwapFailed(ILogger logger, Exception exception, string directory);
}
