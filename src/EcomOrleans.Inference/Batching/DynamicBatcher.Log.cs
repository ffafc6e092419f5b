using Microsoft.Extensions.Logging;

namespace EcomOrleans.Inference.Batching;

public sealed partial class DynamicBatcher<TRequest, TResult>
{
    [LoggerMessage(4101, LogLevel.Warning, "A batch of {Count} requests for model {Model} failed; its callers get the error")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string model, int count);
}
