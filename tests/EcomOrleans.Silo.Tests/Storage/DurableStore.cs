using Azure.Data.Tables;
using StackExchange.Redis;

namespace EcomOrleans.Silo.Tests.Storage;

/// <summary>
/// A real durable store the engine can run on, started by <c>.ci/run</c> and named by an environment variable; a
/// test that asks for one without it is skipped, saying which variable to set.
/// </summary>
public abstract class DurableStore
{
    /// <summary>The engine settings that select this store.</summary>
    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>How many stored records (Redis keys, table entities) of <paramref name="serviceId"/> have <paramref name="text"/> in their key.</summary>
    public abstract Task<int> CountStoredAsync(string serviceId, string text);

    /// <summary>
    /// Deletes, behind the engine's back, the stored records of <paramref name="serviceId"/> with <paramref name="text"/>
    /// in their key, except those with <paramref name="except"/> in it (a state name, to leave one of a grain's records).
    /// </summary>
    public abstract Task DeleteStoredAsync(string serviceId, string text, string? except = null);

    protected static string Required(string variable, string example)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        Skip.If(string.IsNullOrWhiteSpace(value), $"Set {variable} ({example}) to run tests against a real server; .ci/run does.");
        return value!;
    }
}

/// <summary>Redis at <c>ECOM_TEST_REDIS</c>.</summary>
public sealed class RedisStore : DurableStore
{
    public const string Variable = "ECOM_TEST_REDIS";

    public RedisStore()
        : this(Required(Variable, "e.g. 127.0.0.1:6379"))
    {
    }

    /// <summary>Some other Redis: one a test started, or the volatile one.</summary>
    public RedisStore(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Storage:Provider"] = "Redis",
        ["ConnectionStrings:Redis"] = ConnectionString,
    };

    public override async Task<int> CountStoredAsync(string serviceId, string text)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        return server.Keys(pattern: $"*{serviceId}*{text}*").Count();
    }

    public override async Task DeleteStoredAsync(string serviceId, string text, string? except = null)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        foreach (var key in server.Keys(pattern: $"*{serviceId}*{text}*"))
        {
            if (except is not null && key.ToString().Contains(except, StringComparison.Ordinal))
            {
                continue;
            }

            await connection.GetDatabase().KeyDeleteAsync(key);
        }
    }
}

/// <summary>Azure Table storage (Azurite in CI) at the connection string in <c>ECOM_TEST_AZURE_STORAGE</c>.</summary>
public sealed class AzureTableStore : DurableStore
{
    public const string Variable = "ECOM_TEST_AZURE_STORAGE";

    /// <param name="tableName">A grain state table of the test's own, so that it may break it without touching others.</param>
    /// <param name="connectionString">Another account than CI's (one behind a test's proxy); default <c>ECOM_TEST_AZURE_STORAGE</c>.</param>
    public AzureTableStore(string tableName = Engine.Hosting.AzureTableStore.DefaultTableName, string? connectionString = null)
    {
        ConnectionString = connectionString ?? Required(Variable, "an Azure Storage connection string; Azurite's for CI");
        TableName = tableName;
    }

    /// <summary>The table service's address in <see cref="ConnectionString"/>.</summary>
    public Uri TableEndpoint => new(ConnectionString.Split(';').Single(p => p.StartsWith("TableEndpoint=", StringComparison.Ordinal))["TableEndpoint=".Length..]);

    /// <summary>The same account with its table service reached at <paramref name="port"/> on loopback instead.</summary>
    public string WithTablePort(int port) => ConnectionString.Replace(
        $"TableEndpoint={TableEndpoint.GetLeftPart(UriPartial.Authority)}", $"TableEndpoint=http://127.0.0.1:{port}", StringComparison.Ordinal);

    public string ConnectionString { get; }

    public string TableName { get; }

    public TableClient Table => new TableServiceClient(ConnectionString).GetTableClient(TableName);

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Storage:Provider"] = "AzureTable",
        ["ConnectionStrings:AzureStorage"] = ConnectionString,
        ["Storage:AzureTable:TableName"] = TableName,
    };

    public override async Task<int> CountStoredAsync(string serviceId, string text)
    {
        // Orleans keys an entity by "<service id>_<grain id>" (partition) and the state name (row).
        var count = 0;
        await foreach (var entity in Table.QueryAsync<TableEntity>(
            filter: TableClient.CreateQueryFilter($"PartitionKey ge {serviceId} and PartitionKey lt {serviceId + "~"}"), select: ["PartitionKey"]))
        {
            count += entity.PartitionKey.Contains(text, StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    public override async Task DeleteStoredAsync(string serviceId, string text, string? except = null)
    {
        await foreach (var entity in Table.QueryAsync<TableEntity>(
            filter: TableClient.CreateQueryFilter($"PartitionKey ge {serviceId} and PartitionKey lt {serviceId + "~"}"), select: ["PartitionKey", "RowKey"]))
        {
            if (entity.PartitionKey.Contains(text, StringComparison.Ordinal)
                && (except is null || !(entity.PartitionKey + "/" + entity.RowKey).Contains(except, StringComparison.Ordinal)))
            {
                await Table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
            }
        }
    }
}
