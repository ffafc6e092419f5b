namespace EcomOrleans.LoadGen.Http;

/// <summary>Builds the one <see cref="HttpClient"/> a run shares: pooled connections, one per parallel sender.</summary>
public static class EngineHttp
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>A client for the engine at <paramref name="baseAddress"/> that sends <paramref name="apiKey"/> with every request.</summary>
    /// <param name="maxConnections">Connections kept to the engine; the replay's concurrency.</param>
    /// <param name="requestTimeout">How long one attempt may take before it counts as no response.</param>
    public static HttpClient CreateClient(Uri baseAddress, string? apiKey, int maxConnections, TimeSpan requestTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
        return Configure(new HttpClient(handler, disposeHandler: true), baseAddress, apiKey, requestTimeout);
    }

    /// <summary>Sets base address, API key header and timeout on a client (tests pass one over a stub handler).</summary>
    public static HttpClient Configure(HttpClient client, Uri baseAddress, string? apiKey, TimeSpan requestTimeout)
    {
        client.BaseAddress = baseAddress;
        client.Timeout = requestTimeout;
        if (!string.IsNullOrEmpty(apiKey))
        {
            client.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        }

        return client;
    }
}
