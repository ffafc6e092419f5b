using EcomOrleans.Client;
using EcomOrleans.LoadGen.Http;

namespace EcomOrleans.LoadGen.Tests.Support;

/// <summary>Client options for the stub engines: a run's, at <c>http://engine.test/</c>, with no backoff unless a test asks.</summary>
internal static class EngineOptions
{
    public static readonly Uri Url = new("http://engine.test/");

    public static EcomOrleansClientOptions For(string? apiKey = "test-key", int retries = EngineHttp.WriteRetries, TimeSpan? retryBaseDelay = null)
    {
        var options = EngineHttp.Options(Url, apiKey, TimeSpan.FromSeconds(30), retries);
        options.RetryBaseDelay = retryBaseDelay ?? TimeSpan.Zero;
        return options;
    }
}
