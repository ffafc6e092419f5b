using EcomOrleans.Client;

namespace EcomOrleans.LoadGen.Http;

/// <summary>What the load generator's engine clients share: a pooled transport per client and the options of a run.</summary>
public static class EngineHttp
{
    /// <summary>
    /// Retries of a replay's writes: 9 (10 attempts), from 100 ms doubling to 5 s, which rides out the ~12 s in which a
    /// killed silo's grains move elsewhere. Resending is safe: ingestion is idempotent on event id.
    /// </summary>
    public const int WriteRetries = 9;

    /// <summary>The backoff before a write's first retry. 100 ms.</summary>
    public static readonly TimeSpan WriteRetryBaseDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait before one retry, a <c>Retry-After</c> included. 5 s.</summary>
    public static readonly TimeSpan WriteMaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Client options for the engine at <paramref name="baseAddress"/>. Writes retry (<see cref="WriteRetries"/>); under
    /// load a read that fails is a result to count, so pass <paramref name="retries"/> 0 for those.
    /// </summary>
    /// <param name="apiKey">Sent with every request; none when null or empty.</param>
    /// <param name="requestTimeout">How long one attempt may take before it counts as no response.</param>
    public static EcomOrleansClientOptions Options(Uri baseAddress, string? apiKey, TimeSpan requestTimeout, int retries = WriteRetries) => new()
    {
        BaseAddress = baseAddress,
        ApiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey,
        Timeout = requestTimeout,
        MaxRetries = retries,
        RetryBaseDelay = WriteRetryBaseDelay,
        MaxRetryDelay = WriteMaxRetryDelay,
    };

    /// <summary>A transport that keeps up to <paramref name="maxConnections"/> connections to the engine: a run's concurrency.</summary>
    public static SocketsHttpHandler CreateTransport(int maxConnections) => new()
    {
        MaxConnectionsPerServer = maxConnections,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
    };
}
