using EcomOrleans.Engine.Hosting;

namespace EcomOrleans.Silo.Hosting;

/// <summary>Says at start-up where state lives, loudly when it is not durable.</summary>
internal sealed partial class StorageModeAnnouncer(EngineStorage mode, ILogger<StorageModeAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (mode.AzureTable is { } table)
        {
            LogAzureTable(logger, table.Endpoint, table.TableName);
            if (table.IsEmulator)
            {
                LogEmulator(logger);
            }
        }
        else if (mode.IsDurable)
        {
            LogDurable(logger);
        }
        else
        {
            LogNotDurable(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(3001, LogLevel.Information, "Storage: Redis clustering and grain storage (durable)")]
    private static partial void LogDurable(ILogger logger);

    [LoggerMessage(3003, LogLevel.Information, "Storage: Azure Table storage clustering and grain storage at {Endpoint}, table {TableName} (durable)")]
    private static partial void LogAzureTable(ILogger logger, Uri endpoint, string tableName);

    [LoggerMessage(3004, LogLevel.Warning, "Storage: the Azure Storage emulator's account (Azurite): state is only as durable as the emulator was started (--inMemoryPersistence keeps nothing)")]
    private static partial void LogEmulator(ILogger logger);

    [LoggerMessage(3002, LogLevel.Warning, "Storage: in-memory, NOT DURABLE - all state is lost when this process stops. Set Storage__Provider to Redis or AzureTable for durable state and several silos")]
    private static partial void LogNotDurable(ILogger logger);
}
