using System.Net;
using System.Net.Sockets;
using EcomOrleans.Engine.Hosting;
using EcomOrleans.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EcomOrleans.LoadGen.Replay;

/// <summary>
/// An Orleans silo in this process, composed by the engine's own <c>AddEcomEngine</c> on localhost clustering: grain
/// storage named <see cref="StorageNames.Provider"/> in memory or Redis, the engine grains and the inference pool (so
/// the same background embedding refreshes run). Logs warnings and errors only.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    /// <summary>
    /// Cluster and service id. Not the engine's, so that with Redis the ceiling's state never mixes with a running
    /// engine's, and ports are picked free, so that it can run beside one.
    /// </summary>
    public const string ServiceId = "ecom-ceiling";

    private readonly IHost _host;
    private readonly StopSignal _stopping;

    private InProcessSilo(IHost host, StopSignal stopping, GrainCallCounter calls)
    {
        _host = host;
        _stopping = stopping;
        GrainCalls = calls;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Grain calls this silo has taken so far.</summary>
    public GrainCallCounter GrainCalls { get; }

    /// <summary>Starts the silo; with <paramref name="redis"/> set, grain state lives in that Redis.</summary>
    /// <exception cref="RedisConnectionException">Redis did not answer.</exception>
    public static Task<InProcessSilo> StartAsync(string? redis, CancellationToken cancellationToken) =>
        StartAsync(string.IsNullOrWhiteSpace(redis) ? EngineStorage.Memory : EngineStorage.OnRedis(redis), cancellationToken);

    /// <param name="settings">Configuration keys for the engine's options (<c>Grains:Forecasts:Schedule</c>, ...), over its defaults.</param>
    /// <exception cref="RedisConnectionException">Redis did not answer.</exception>
    public static async Task<InProcessSilo> StartAsync(EngineStorage storage, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var stopping = new StopSignal();
        var calls = new GrainCallCounter();
        var builder = Host.CreateApplicationBuilder();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // The silo's start-up notes (server GC off: this tool runs workstation GC) say nothing about the run, nor do
        // the failures of grain timers that still write state while the silo stops (its storage is already gone).
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        builder.Logging.AddFilter((_, _, level) => level >= LogLevel.Warning && !stopping.IsSet);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: ServiceId, clusterId: ServiceId);
            silo.AddEcomEngine(storage);
            silo.AddIncomingGrainCallFilter(calls);
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new InProcessSilo(host, stopping, calls);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.IsSet = true;
        try
        {
            await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
        }
    }

    private sealed class StopSignal
    {
        public volatile bool IsSet;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
