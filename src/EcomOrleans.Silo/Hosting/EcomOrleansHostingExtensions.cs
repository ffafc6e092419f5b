using System.Net;
using Azure.Identity;
using EcomOrleans.Configuration;
using EcomOrleans.Engine.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace EcomOrleans.Silo.Hosting;

public static partial class EcomOrleansHostingExtensions
{
    /// <summary>
    /// Co-hosts the Orleans silo. <c>Storage:Provider</c> (<see cref="StorageOptions"/>) chooses where clustering and
    /// grain state live: Redis or Azure Table storage (durable, several silos), or the default, the silo alone on
    /// localhost clustering and in-memory state, which is NOT durable and is logged as such at start-up. The engine
    /// itself is composed by <c>AddEcomEngine</c>.
    /// </summary>
    public static WebApplicationBuilder AddEcomOrleans(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<EcomSiloOptions, EcomSiloOptionsValidator>(EcomSiloOptions.SectionName);
        builder.Services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(StorageOptions.SectionName)
            .Configure<IConfiguration>((o, configuration) => ReadConnectionStrings(o, configuration));
        var storage = SelectStorage(builder.Configuration);
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

            if (storage.IsDurable)
            {
                orleans.Services.AddOptions<EndpointOptions>().Configure<IOptions<EcomSiloOptions>>(
                    (o, silo) => o.AdvertisedIPAddress = IPAddress.Parse(silo.Value.AdvertisedIPAddress));
            }

            if (storage.Redis is { } connection)
            {
                orleans.UseRedisClustering(o =>
                {
                    o.ConfigurationOptions = EngineStorage.RedisOptions(storage.RedisConnectionString!);
                    o.CreateMultiplexer = async _ => (await connection.Value, IsShared: true);
                });
            }
            else if (storage.AzureTable is { } table)
            {
                orleans.UseAzureStorageClustering(o => o.TableServiceClient = table.Client);
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

            // Membership probing (how fast a silo that died without a word is declared dead), from Orleans:Membership.
            orleans.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration($"{EcomSiloOptions.SectionName}:Membership");

            // Orleans' load shedding, on: a silo over its CPU or memory threshold refuses new requests from external
            // Orleans clients at its gateway (GatewayTooBusyException) instead of queueing them. The engine's own HTTP
            // path does not pass the gateway; its admission control (Admission:*) sheds there. Orleans:LoadShedding:*.
            orleans.Services.AddOptions<LoadSheddingOptions>()
                .Configure(o => o.LoadSheddingEnabled = true)
                .BindConfiguration($"{EcomSiloOptions.SectionName}:LoadShedding");

            // How long an idle activation is kept before it is collected (memory against reloads from storage),
            // from Orleans:GrainCollection (CollectionAge, default 15 minutes; CollectionQuantum, default 1 minute).
            orleans.Services.AddOptions<GrainCollectionOptions>().BindConfiguration($"{EcomSiloOptions.SectionName}:GrainCollection");

            // Grain-call spans only when traces are on (Telemetry:*): the filters cost every call even with no listener.
            if (EcomTracing.IsOn(builder.Configuration))
            {
                orleans.AddActivityPropagation();
            }

            orleans.AddEcomEngine(storage);

            // Last, so that in a pod its ids and address (from the pod's environment) win over Orleans:*.
            if (builder.Configuration.GetValue<bool>($"{EcomSiloOptions.SectionName}:{nameof(EcomSiloOptions.Kubernetes)}"))
            {
                orleans.UseKubernetesHosting();
            }
        });

        return builder;
    }

    /// <summary>
    /// The storage the silo is composed with, from <c>Storage:*</c> and the connection strings. Composition needs it
    /// before options are validated: settings that do not validate compose the in-memory default, and the validated
    /// <see cref="StorageOptions"/> then stop start-up, naming the setting, before anything runs.
    /// </summary>
    internal static EngineStorage SelectStorage(IConfiguration configuration)
    {
        var options = new StorageOptions();
        try
        {
            configuration.GetSection(StorageOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException)
        {
            return EngineStorage.Memory; // A value that does not bind: the validated options say which.
        }

        ReadConnectionStrings(options, configuration);
        if (new StorageOptionsValidator().Validate(StorageOptions.SectionName, options).Failed)
        {
            return EngineStorage.Memory;
        }

        return options.EffectiveProvider switch
        {
            StorageOptions.RedisProvider => EngineStorage.OnRedis(options.RedisConnectionString!, options.Redis.AllowUnpersisted),
            StorageOptions.AzureTableProvider => EngineStorage.OnAzureTable(options.AzureTable.ServiceUri is { } uri
                ? AzureTableStore.FromServiceUri(uri, new DefaultAzureCredential(), options.AzureTable.TableName)
                : AzureTableStore.FromConnectionString(options.AzureStorageConnectionString!, options.AzureTable.TableName)),
            _ => EngineStorage.Memory,
        };
    }

    private static void ReadConnectionStrings(StorageOptions options, IConfiguration configuration)
    {
        options.RedisConnectionString = NullIfBlank(configuration.GetConnectionString(StorageOptions.RedisConnectionName));
        options.AzureStorageConnectionString = NullIfBlank(configuration.GetConnectionString(StorageOptions.AzureStorageConnectionName));
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
