using System.Net;
using System.Net.Sockets;
using EcomOrleans.Engine.Storage;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Silo.Tests.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;

namespace EcomOrleans.Silo.Tests;

/// <summary>
/// The whole engine (API and silo) in process, on its own free silo and gateway ports, with a known
/// API key and a fake clock, on the in-memory default or, given a <see cref="DurableStore"/>, on a real server.
/// </summary>
public sealed class EngineFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-0123456789abcdef";

    private readonly DurableStore? _store;
    private readonly Action<IServiceCollection>? _services;
    private readonly IReadOnlyDictionary<string, string>? _settings;

    /// <summary>The in-memory default, as an xunit collection fixture.</summary>
    public EngineFactory()
        : this(store: null)
    {
    }

    /// <summary>
    /// An engine on <paramref name="store"/> when given, with <paramref name="services"/> added to its services and
    /// <paramref name="settings"/> to its configuration. Orleans itself runs its timers on the registered
    /// <see cref="TimeProvider"/>, so engines that form a cluster (a durable store) keep the system clock.
    /// </summary>
    internal EngineFactory(
        DurableStore? store,
        string? serviceId = null,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        _store = store;
        _services = services;
        _settings = settings;
        ServiceId = serviceId ?? $"test-{Guid.NewGuid():N}";
        Time = store is null ? new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero)) : TimeProvider.System;
    }

    /// <summary>A <see cref="FakeTimeProvider"/> on the in-memory default, the system clock on a durable store.</summary>
    public TimeProvider Time { get; }

    public string ServiceId { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A client that sends the API key.</summary>
    public HttpClient CreateWriter()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:ApiKey", ApiKey);
        builder.UseSetting("Orleans:ServiceId", ServiceId);
        builder.UseSetting("Orleans:ClusterId", ServiceId);
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ConnectionStrings:Redis", "");
        builder.UseSetting("ConnectionStrings:AzureStorage", "");

        // 12,101 SKUs per engine would slow every test; the README walk-through turns it back on.
        builder.UseSetting("Demo:SeedCatalog", "false");
        foreach (var (key, value) in (_store?.Settings ?? new Dictionary<string, string>()).Concat(_settings ?? new Dictionary<string, string>()))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            _services?.Invoke(services);
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One in-memory engine shared by the API tests of a collection.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFactory>
{
    public const string Name = "engine";
}
