using System.Net;
using EcomOrleans.Configuration;
using EcomOrleans.Grains.Hosting;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Inference.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Persistence;
using StackExchange.Redis;

namespace EcomOrleans.Silo.Hosting;

public static partial class EcomOrleansHostingExtensions
{
    /// <summary>The connection string name that switches the silo to Redis clustering and storage.</summary>
    public const string RedisConnectionName = "Redis";

    /// <summary>
    /// Co-hosts the Orleans silo. With <c>ConnectionStrings:Redis</c> set, clustering and grain state
    /// live in Redis (durable, several silos); without it the silo runs alone on localhost clustering
    /// and in-memory state, which is NOT durable and is logged as such at start-up.
    /// </summary>
    public static WebApplicationBuilder AddEcomOrleans(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<EcomSiloOptions, EcomSiloOptionsValidator>(EcomSiloOptions.SectionName);
        var redis = builder.Configuration.GetConnectionString(RedisConnectionName);
        var storage = new StorageMode(string.IsNullOrWhiteSpace(redis) ? null : redis);
        builder.Services.AddSingleton(storage);
        builder.Services.AddHostedService<StorageModeAnnouncer>();

        builder.UseOrleans(orleans =>
        {
            // Read from the validated Orleans:* options when the silo starts, not while composing.
            orleans.Services.AddOptions<ClusterOptions>().Configure<IOptions<EcomSiloOptions>>((o, silo) =>
            {
                o.ClusterId = silo.Value.ClusterId;
                o.ServiceId = silo.Value.ServiceId;
            });

            if (storage.RedisConnectionString is { } connectionString)
            {
                var multiplexer = new Lazy<Task<IConnectionMultiplexer>>(
                    async () => await ConnectionMultiplexer.ConnectAsync(connectionString));
                builder.Services.AddSingleton(multiplexer);
                orleans.Services.AddOptions<EndpointOptions>().Configure<IOptions<EcomSiloOptions>>(
                    (o, silo) => o.AdvertisedIPAddress = IPAddress.Parse(silo.Value.AdvertisedIPAddress));
                orleans.UseRedisClustering(o =>
                {
                    o.ConfigurationOptions = ConfigurationOptions.Parse(connectionString);
                    o.CreateMultiplexer = async _ => (await multiplexer.Value, IsShared: true);
                });
                orleans.AddRedisGrainStorage(StorageNames.Provider, (RedisStorageOptions o) =>
                {
                    o.ConfigurationOptions = ConfigurationOptions.Parse(connectionString);
                    o.CreateMultiplexer = async _ => (await multiplexer.Value, IsShared: true);
                    o.DeleteStateOnClear = true;
                });
            }
            else
            {
                orleans.UseLocalhostClustering();
                orleans.AddMemoryGrainStorage(StorageNames.Provider);
            }

            orleans.Services.AddOptions<EndpointOptions>().Configure<IOptions<EcomSiloOptions>>((o, silo) =>
            {
                o.SiloPort = silo.Value.SiloPort;
                o.GatewayPort = silo.Value.GatewayPort;
            });

            orleans.UseSystemTextJsonGrainStorageSerializer();
            orleans.AddActivityPropagation();
            orleans.AddEcomGrains();
            orleans.AddEcomInference();
        });

        return builder;
    }
}
