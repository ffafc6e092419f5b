using System.Net;
using EcomOrleans.Engine.Hosting;
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
        var silo = builder.Configuration.GetSection(EcomSiloOptions.SectionName).Get<EcomSiloOptions>() ?? new EcomSiloOptions();
        var redis = builder.Configuration.GetConnectionString(RedisConnectionName);
        var storage = string.IsNullOrWhiteSpace(redis) ? EngineStorage.Memory : EngineStorage.OnRedis(redis);
        builder.Services.AddSingleton(storage);
        builder.Services.AddHostedService<StorageModeAnnouncer>();

        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = silo.ClusterId;
                o.ServiceId = silo.ServiceId;
            });

            if (storage.Redis is { } connection)
            {
                orleans.ConfigureEndpoints(IPAddress.Parse(silo.AdvertisedIPAddress), silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: false);
                orleans.UseRedisClustering(o =>
                {
                    o.ConfigurationOptions = ConfigurationOptions.Parse(storage.RedisConnectionString!);
                    o.CreateMultiplexer = async _ => (await connection.Value, IsShared: true);
                });
            }
            else
            {
                orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
            }

            orleans.AddEcomEngine(storage);
        });

        return builder;
    }
}
