using EcomOrleans.Engine.Hosting;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Hosting;

public static class EngineRunExtensions
{
    /// <summary>
    /// Runs the engine until it stops and returns the process exit code: 0, or 1 with one <see cref="StartupFailure"/>
    /// line on stderr when it cannot start for a reason an operator can fix (invalid configuration, a store unreachable),
    /// instead of an unhandled-exception trace and exit code 134.
    /// </summary>
    public static int RunEngine(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<EngineStorage>();
        try
        {
            // The check start-up makes anyway, first: so that invalid options fail before the host logs a trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            foreach (var validator in app.Services.GetServices<IConfigurationValidator>())
            {
                validator.ValidateConfiguration(); // Orleans' own checks (Orleans:LoadShedding, Orleans:GrainCollection ...), first too.
            }

            var wait = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.StartupWait;
            StoreStartupProbe.WaitAsync(
                    storage, wait, $"{StorageOptions.SectionName}:{nameof(StorageOptions.StartupWait)}",
                    app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreStartupProbe)), TimeProvider.System, app.Lifetime.ApplicationStopping)
                .GetAwaiter().GetResult();
            app.Run();
            return 0;
        }
        catch (Exception ex) when (StartupFailure.Describe(ex, storage) is { } line)
        {
            // Disposing flushes the console logger's queue, so what was logged before the failure is not cut off.
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Console.Error.WriteLine(line);
            return 1;
        }
    }
}
