using Microsoft.Extensions.Logging;

namespace EcomOrleans.Grains.Skus;

public sealed partial class CategoryBoardGrain
{
    [LoggerMessage(2101, LogLevel.Warning, "Saving the board of category {Category} failed; it is tried again at the next interval")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, string category);
}
