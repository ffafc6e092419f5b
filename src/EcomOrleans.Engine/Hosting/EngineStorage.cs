using Azure.Core;
using Azure.Data.Tables;
using StackExchange.Redis;

namespace EcomOrleans.Engine.Hosting;

/// <summary>Where the engine's grain state lives.</summary>
public enum EngineStorageKind
{
    /// <summary>
    /// In this process, as the bytes the storage serializer writes (<see cref="Storage.SerializingMemoryGrainStorage"/>):
    /// NOT durable, lost when the process stops, one silo's. The embedded default, and the tests' and benchmarks' store.
    /// </summary>
    Memory,

    /// <summary>Redis, through Orleans' Redis grain storage: durable when Redis persists every write.</summary>
    Redis,

    /// <summary>Azure Table storage, through Orleans' official <c>AddAzureTableGrainStorage</c>: durable.</summary>
    AzureTable,
}

/// <summary>The storage choice <see cref="EcomEngineSiloBuilderExtensions.AddEcomEngine"/> composes.</summary>
/// <param name="RedisConnectionString">The StackExchange.Redis connection string, for <see cref="EngineStorageKind.Redis"/>.</param>
/// <param name="Redis">The shared connection, for <see cref="EngineStorageKind.Redis"/>; clustering may use the same one.</param>
/// <param name="AzureTable">The storage account, for <see cref="EngineStorageKind.AzureTable"/>; clustering may use the same one.</param>
/// <param name="AllowUnpersistedRedis">Run on a Redis that does not persist every write (logged as DEGRADED) instead of refusing to start.</param>
public sealed record EngineStorage(
    EngineStorageKind Kind,
    string? RedisConnectionString = null,
    Lazy<Task<IConnectionMultiplexer>>? Redis = null,
    AzureTableStore? AzureTable = null,
    bool AllowUnpersistedRedis = false)
{
    public static EngineStorage Memory { get; } = new(EngineStorageKind.Memory);

    /// <summary>Redis at <paramref name="connectionString"/>, through one multiplexer made on first use.</summary>
    /// <remarks>
    /// Start-up checks that Redis persists every write (an append-only file) and refuses one that does not, unless
    /// <paramref name="allowUnpersisted"/>.
    /// </remarks>
    public static EngineStorage OnRedis(string connectionString, bool allowUnpersisted = false) =>
        new(EngineStorageKind.Redis, connectionString, new Lazy<Task<IConnectionMultiplexer>>(async () => await ConnectionMultiplexer.ConnectAsync(RedisOptions(connectionString))),
            AllowUnpersistedRedis: allowUnpersisted);

    /// <summary>
    /// The default time a Redis command may take before the caller is answered 503: 500 ms (StackExchange.Redis' own
    /// is 5 s). A command on a healthy Redis takes well under a millisecond, an fsync of the append-only file a few. A
    /// batch waits on two writes one after the other (its SKUs', then its shoppers'), so while Redis is down it is
    /// answered 503 in about a second (the fault test measured 0.9-1.0 s; 1.9 s with a 1 s timeout).
    /// </summary>
    public static readonly TimeSpan RedisCommandTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The connection string's options, with <see cref="RedisCommandTimeout"/> for commands unless it names its own
    /// (<c>syncTimeout</c>, <c>asyncTimeout</c>): while Redis is down, a request fails over to 503 in about a second
    /// instead of holding its caller.
    /// </summary>
    public static ConfigurationOptions RedisOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        var named = connectionString.Split(',').Select(p => p.Split('=')[0].Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!named.Contains("syncTimeout"))
        {
            options.SyncTimeout = (int)RedisCommandTimeout.TotalMilliseconds;
        }

        if (!named.Contains("asyncTimeout"))
        {
            options.AsyncTimeout = (int)RedisCommandTimeout.TotalMilliseconds;
        }

        return options;
    }

    /// <summary>Azure Table storage in the account <paramref name="store"/> names.</summary>
    public static EngineStorage OnAzureTable(AzureTableStore store) => new(EngineStorageKind.AzureTable, AzureTable: store);

    public bool IsDurable => Kind is EngineStorageKind.Redis or EngineStorageKind.AzureTable;
}

/// <summary>
/// An Azure Storage account's table service, with the grain state table in it. One client, made on first use, is
/// shared by grain storage, clustering and the health check.
/// </summary>
public sealed class AzureTableStore
{
    /// <summary>Orleans' own default, so a cluster that used the provider before keeps its state.</summary>
    public const string DefaultTableName = "OrleansGrainState";

    /// <summary>Azurite's and the storage emulator's fixed account name.</summary>
    public const string EmulatorAccountName = "devstoreaccount1";

    private readonly Lazy<TableServiceClient> _client;

    private AzureTableStore(Func<TableServiceClient> client, string tableName)
    {
        _client = new Lazy<TableServiceClient>(client);
        TableName = tableName;
    }

    public TableServiceClient Client => _client.Value;

    /// <summary>The table grain state lives in.</summary>
    public string TableName { get; }

    /// <summary>The table service's address, for logs and errors (never the key).</summary>
    public Uri Endpoint => Client.Uri;

    /// <summary>True for Azurite (or the old emulator): an emulator is as durable as it was started, often not at all.</summary>
    public bool IsEmulator => string.Equals(Client.AccountName, EmulatorAccountName, StringComparison.Ordinal);

    /// <summary>A connection string (account key or SAS), as the Azure portal or Azurite give it.</summary>
    public static AzureTableStore FromConnectionString(string connectionString, string tableName = DefaultTableName) =>
        new(() => new TableServiceClient(connectionString, ClientOptions()), tableName);

    /// <summary>A service URI (<c>https://account.table.core.windows.net</c>) with a token credential, such as <c>DefaultAzureCredential</c>.</summary>
    public static AzureTableStore FromServiceUri(Uri serviceUri, TokenCredential credential, string tableName = DefaultTableName) =>
        new(() => new TableServiceClient(serviceUri, credential, ClientOptions()), tableName);

    /// <summary>
    /// Bounded tries: a storage call that cannot succeed gives up after one retry 0.1 s later, each try cut off after
    /// 500 ms without an answer (about 1.2 s with the table service hung), so the grain answers 503 instead of holding
    /// the caller for the SDK's default minute and a half; start-up waits for the store apart
    /// (<see cref="StoreStartupProbe"/>), and the catalog read model's start tries each shard again itself, since a
    /// loaded store can answer one read slower than this cut twice in a row.
    /// </summary>
    private static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        options.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(500);
        return options;
    }
}
