using System.Net;
using EcomOrleans.Configuration;
using EcomOrleans.Engine.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace EcomOrleans.Silo.Hosting;

public static partial class EcomOrleansHostingExtensions
{
    /// <summary>The connection string name that switches the silo to Redis clustering and storage.</summary>
    public const string RedisConnectionName = "Redis";

    /// <summary>
    /// Co-hosts the Orleans silo. With <c>ConnectionStrings:Redis</c> set, clustering and grain state live in Redis
    /// (durable, several silos); without it the silo runs alone on localhost clustering and in-memory state, which is
    /// NOT durable and is logged as such at start-up. The engine itself is composed by <c>AddEcomEngine</c>.
    /// </summary>
    public static WebApplicationBuilder AddEcomOrleans(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<EcomSiloOptions, EcomSiloOptionsValidator>(EcomSiloOptions.SectionName);
        var redis = builder.Configuration.GetConnectionString(RedisConnectionName);
        var storage = string.IsNullOrWhiteSpace(redis) ? EngineStorage.Memory : EngineStorage.OnRedis(redis);
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

            if (storage.Redis is { } connection)
            {
                orleans.Services.AddOptions<EndpointOptions>().Configure<IOptions<EcomSiloOptions>>(
                    (o, silo) => o.AdvertisedIPAddress = IPAddress.Parse(silo.Value.AdvertisedIPAddress));
                orleans.UseRedisClustering(o =>
                {
                    o.ConfigurationOptions = ConfigurationOptions.Parse(storage.RedisConnectionString!);
                    o.CreateMultiplexer = async _ => (await connection.Value, IsShared: true);
                });
            }
            else
            {
                orleans.UseLocalhostClustering();
            }

            orleans.Services.AddOptions<EndpointOptions>().Configure<IOptions<EcomSiloOptions>>((o, silo) =>
            {
                o.SiloPort = silo.Value.SiloPort;
                o.GatewayPort = silo.Value.GatewayPort;
            });

            orleans.AddActivityPropagation();
            orleans.AddEcomEngine(storage);
        });

        return builder;
    }
}
