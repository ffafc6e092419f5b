using Microsoft.Extensions.Logging;

namespace EcomOrleans.Grains.Skus;

public sealed partial class SkuGrain
{
    [LoggerMessage(2001, LogLevel.Warning, "Writing state of SKU {Sku} failed; its callers are not acknowledged and the grain will reload")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string sku);

    [LoggerMessage(2003, LogLevel.Warning, "Reporting demand of SKU {Sku} to the trending ranking failed; the next report will catch up")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string sku);

    [LoggerMessage(2004, LogLevel.Warning, "The stored state of SKU {Sku} was {What} under its activation; answering from the store and reloading")]
    private static partial void LogStoredStateChanged(ILogger logger, string sku, string what);

    [LoggerMessage(2002, LogLevel.Information, "SKU {Sku} sold {Units} units more than the stock the engine held; its stock figure is behind (PUT the SKU to correct it)")]
    private static partial void LogOversold(ILogger logger, string sku, int units);

    [LoggerMessage(2005, LogLevel.Warning, "Refreshing the forecast of SKU {Sku} failed; the last forecast stays in force until the next check")]
    private static partial void LogForecastFailed(ILogger logger, Exception exception, string sku);

    [LoggerMessage(2006, LogLevel.Information, "SKU {Sku}: price changed from {From} to {To}, accepting suggestion {SuggestionId}")]
    private static partial void LogPriceAccepted(ILogger logger, string sku, decimal from, decimal to, string suggestionId);
}
