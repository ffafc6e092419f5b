namespace EcomOrleans.Silo.Tests.Storage;

/// <summary>A test that needs a real Redis: it runs when <c>ECOM_TEST_REDIS</c> names one (<c>.ci/run</c> starts it).</summary>
internal static class RedisServer
{
    public const string Variable = "ECOM_TEST_REDIS";

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            Skip.If(string.IsNullOrWhiteSpace(value), $"Set {Variable} (e.g. 127.0.0.1:6379) to run tests against a real Redis; .ci/run does.");
            return value!;
        }
    }
}
