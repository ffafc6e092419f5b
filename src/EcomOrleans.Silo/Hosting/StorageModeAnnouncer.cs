using EcomOrleans.Engine.Hosting;

namespace EcomOrleans.Silo.Hosting;

/// <summary>Says at start-up where state lives, loudly when it is not durable.</summary>
internal sealed partial class StorageModeAnnouncer(EngineStorage mode, ILogger<StorageModeAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (mode.IsDurable)
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

    [LoggerMessage(3002, LogLevel.Warning, "Storage: in-memory, NOT DURABLE - all state is lost when this process stops. Set ConnectionStrings__Redis for durable state and several silos")]
    private static partial void LogNotDurable(ILogger logger);
}
