using EcomOrleans.Inference.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Hosting;

/// <summary>
/// Loads the models before the silo takes requests (a model that fails to load fails start-up) and,
/// while the silo runs, checks every <see cref="InferenceOptions.ReloadInterval"/> for new versions to swap in.
/// </summary>
internal sealed partial class ModelLifecycle(
    ModelRegistry registry, IOptions<InferenceOptions> options, TimeProvider time, ILogger<ModelLifecycle> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _watching = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ModelLifecycle), ServiceLifecycleStage.ApplicationServices, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        registry.LoadAll();
        if (options.Value.ReloadInterval > TimeSpan.Zero)
        {
            _watching = WatchAsync(options.Value.ReloadInterval, _stopping.Token);
        }

        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _watching;
        _stopping.Dispose();
    }

    private async Task WatchAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await registry.CheckForUpdatesAsync();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    LogCheckFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping.
        }
    }
}
