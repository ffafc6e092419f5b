using EcomOrleans.Engine.Hosting;
using EcomOrleans.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Tests.Hosting;

/// <summary>Every options class of the engine refuses a bad value at start-up, naming its full configuration key.</summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, string, string> BadValues => new()
    {
        // Grains
        { "Grains:Users:SequenceLength", "0", "Grains:Users:SequenceLength must be between 1 and 1000 (was 0)." },
        { "Grains:Users:DedupWindow", "10", "Grains:Users:DedupWindow must be at least SequenceLength, 50 (was 10)." },
        { "Grains:Users:AffinityHalfLife", "00:00:00", "Grains:Users:AffinityHalfLife must be between 00:00:01 and 3650.00:00:00 (was 00:00:00)." },
        { "Grains:Skus:HourlyRetention", "00:30:00", "Grains:Skus:HourlyRetention must be between 01:00:00 and 90.00:00:00 (was 00:30:00)." },
        { "Grains:Skus:DedupWindow", "0", "Grains:Skus:DedupWindow must be between 1 and 100000 (was 0)." },
        { "Grains:Skus:UnitHistoryRetention", "90.00:00:00", "Grains:Skus:UnitHistoryRetention must be at least DailyRetention, 120.00:00:00 (was 90.00:00:00)." },
        { "Grains:Forecasts:ModelMinimumDays", "13", "Grains:Forecasts:ModelMinimumDays must be between 14 and 1000 (was 13)." },
        { "Grains:SearchDemand:MaxQueriesPerShard", "0", "Grains:SearchDemand:MaxQueriesPerShard must be between 1 and 100000 (was 0)." },
        { "Grains:Trending:PersistInterval", "00:00:00", "Grains:Trending:PersistInterval must be between 00:00:01 and 1.00:00:00 (was 00:00:00)." },
        { "Grains:Trending:MaxTrackedPerCategory", "9", "Grains:Trending:MaxTrackedPerCategory must be between 10 and 1000000 (was 9)." },
        { "Grains:Trending:MaxTrackedCatalogWide", "99", "Grains:Trending:MaxTrackedCatalogWide must be between 100 and 1000000 (was 99)." },
        { "Grains:Trending:LeadersPerCategory", "0", "Grains:Trending:LeadersPerCategory must be between 1 and 10000 (was 0)." },
        { "Grains:Catalog:RefreshInterval", "00:00:00", "Grains:Catalog:RefreshInterval must be between 00:00:01 and 01:00:00 (was 00:00:00)." },
        { "Grains:Catalog:SubscriptionLifetime", "00:00:10", "Grains:Catalog:SubscriptionLifetime must be longer than RefreshInterval, 00:00:30 (was 00:00:10)." },
        { "Grains:Recommendations:MaxCount", "1001", "Grains:Recommendations:MaxCount must be between 1 and 1000 (was 1001)." },
        { "Grains:Recommendations:EmbeddingRefreshDelay", "-00:00:01", "Grains:Recommendations:EmbeddingRefreshDelay must be between 00:00:00 and 01:00:00 (was -00:00:01)." },

        // Inference, with its three batchers
        { "Inference:IntraOpThreads", "0", "Inference:IntraOpThreads must be between 1 and 256 (was 0)." },
        { "Inference:ExecutionProvider", "7", "Inference:ExecutionProvider must be Cpu or Cuda (was 7)." },
        { "Inference:QueryCacheEntries", "-1", "Inference:QueryCacheEntries must be between 0 and 1000000 (was -1)." },
        { "Inference:ReloadInterval", "-00:00:01", "Inference:ReloadInterval must be between 00:00:00 and 1.00:00:00 (was -00:00:01)." },
        { "Inference:Sequence:MaxBatchSize", "0", "Inference:Sequence:MaxBatchSize must be between 1 and 4096 (was 0)." },
        { "Inference:Intent:ConcurrentBatches", "65", "Inference:Intent:ConcurrentBatches must be between 1 and 64 (was 65)." },
        { "Inference:Demand:QueueCapacity", "0", "Inference:Demand:QueueCapacity must be between 1 and 1000000 (was 0)." },

        // Silo
        { "Orleans:SiloPort", "0", "Orleans:SiloPort must be between 1 and 65535 (was 0)." },
        { "Orleans:GatewayPort", "70000", "Orleans:GatewayPort must be between 1 and 65535 (was 70000)." },
        { "Orleans:GatewayPort", "11111", "Orleans:GatewayPort must differ from SiloPort (was 11111)." },
        { "Orleans:AdvertisedIPAddress", "not-an-ip", "Orleans:AdvertisedIPAddress must be an IP address, like 10.0.0.5 (was 'not-an-ip')." },
        { "Orleans:ClusterId", " ", "Orleans:ClusterId must be set and not blank (was ' ')." },
        { "Telemetry:OtlpEndpoint", "collector:4317", "Telemetry:OtlpEndpoint must be an absolute http or https URL, like http://otel-collector:4317 (was 'collector:4317')." },

        // Storage
        { "Storage:Provider", "Cassandra", "Storage:Provider must be Memory, Redis or AzureTable (was 'Cassandra')." },
        { "Storage:Provider", "Redis", "Storage:Provider Redis needs ConnectionStrings:Redis, which is not set (was 'Redis')." },
        { "Storage:Provider", "AzureTable", "Storage:Provider AzureTable needs ConnectionStrings:AzureStorage or Storage:AzureTable:ServiceUri, and neither is set (was 'AzureTable')." },
        { "Storage:AzureTable:TableName", "grain-state", "Storage:AzureTable:TableName must be 3-63 letters and digits, starting with a letter (was 'grain-state')." },
        { "Storage:AzureTable:ServiceUri", "accounts/ecom", "Storage:AzureTable:ServiceUri must be an absolute https URI (was accounts/ecom)." },

        // Security: the key itself is never echoed, only its length
        { "Security:ApiKey", "short", "Security:ApiKey must be at least 16 characters long (was 5 characters)." },

        // Admission
        { "Admission:Writes:MaxConcurrent", "0", "Admission:Writes:MaxConcurrent must be between 1 and 100000 (was 0)." },
        { "Admission:Reads:RequestsPerSecond", "0", "Admission:Reads:RequestsPerSecond must be between 0.001 and 1000000 (was 0)." },

        // Ingestion
        { "Ingestion:MaxBatchSize", "0", "Ingestion:MaxBatchSize must be between 1 and 10000 (was 0)." },
        { "Ingestion:MaxFutureSkew", "-00:01:00", "Ingestion:MaxFutureSkew must be between 00:00:00 and 1.00:00:00 (was -00:01:00)." },
        { "Ingestion:MaxEventAge", "00:00:00", "Ingestion:MaxEventAge must be between 00:00:01 and 3650.00:00:00 (was 00:00:00)." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Startup_BadValue_FailsWithOneMessageNamingTheKey(string key, string value, string expected)
    {
        using var app = Compose(key, value);

        // What the host runs before it starts anything (ValidateOnStart).
        var failure = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(expected, failure.Message);
        Assert.Equal($"error: invalid configuration: {expected}", StartupFailure.Describe(failure, EngineStorage.Memory));
    }

    [Fact]
    public void Startup_Defaults_AreValid()
    {
        using var app = Compose("Security:ApiKey", "0123456789abcdef");

        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Startup_TwoBadValues_NamesBothOnOneLine()
    {
        using var app = Compose("Grains:Users:SequenceLength", "0", ("Ingestion:MaxBatchSize", "0"));

        var failure = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            "error: invalid configuration: Grains:Users:SequenceLength must be between 1 and 1000 (was 0). Ingestion:MaxBatchSize must be between 1 and 10000 (was 0).",
            StartupFailure.Describe(failure, EngineStorage.Memory));
    }

    [Fact]
    public void Startup_ANamedKeyWithABadHashAndAnUnknownRole_NamesBoth()
    {
        using var app = Compose("Security:Keys:storefront:Hash", "5f4dcc3b5aa765d61d8327deb882cf99", ("Security:Keys:storefront:Roles", "read,write"));

        var failure = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            "error: invalid configuration: Security:Keys:storefront:Hash must be 'sha256:' and the key's SHA-256 in 64 hex digits (was 32 characters). " +
            "Security:Keys:storefront:Roles must name one or more of ingest, read, bot, admin, separated by commas (was 'read,write').",
            StartupFailure.Describe(failure, EngineStorage.Memory));
    }

    private static WebApplication Compose(string key, string value, params (string Key, string Value)[] more) =>
        EngineComposition.Compose([(key, value), .. more]);
}
