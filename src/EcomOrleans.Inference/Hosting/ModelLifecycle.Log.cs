using Microsoft.Extensions.Logging;

namespace EcomOrleans.Inference.Hosting;

internal sealed partial class ModelLifecycle
{
    [LoggerMessage(4201, LogLevel.Error, "Checking the models folder for new versions failed; trying again at the next interval")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
