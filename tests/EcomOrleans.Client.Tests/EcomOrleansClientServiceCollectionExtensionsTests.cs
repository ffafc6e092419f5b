using System.Net;
using EcomOrleans.Client.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EcomOrleans.Client.Tests;

public sealed class EcomOrleansClientServiceCollectionExtensionsTests
{
    private readonly FakeEngine _engine = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AddEcomOrleansClient_Resolved_SendsTheKeyToTheBaseAddress()
    {
        using var provider = Compose(o => (o.BaseAddress, o.ApiKey) = (new Uri("http://127.0.0.1:5080"), "key-0123"));
        _engine.Answer(HttpStatusCode.OK, """{"recommendationId":"rec-1","modelVersion":"none","items":[]}""");

        var client = provider.GetRequiredService<IEcomOrleansClient>();
        var recs = await client.GetRecommendationsAsync("u-42", count: 5);

        Assert.Equal("rec-1", recs.RecommendationId);
        Assert.IsType<EcomOrleansClient>(client);
        Assert.NotNull(provider.GetRequiredService<EcomOrleansClient>());
        Assert.Equal(("/api/users/u-42/recommendations?count=5", "key-0123"), (_engine.Requests[0].PathAndQuery, _engine.Requests[0].ApiKey));
    }

    [Fact]
    public async Task AddEcomOrleansClient_Unavailable_RetriesOnTheRegisteredClock()
    {
        using var provider = Compose(o => (o.BaseAddress, o.MaxRetries) = (new Uri("http://127.0.0.1:5080"), 2));
        _engine.Fail(HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 1).Answer(HttpStatusCode.NoContent);

        var deleting = provider.GetRequiredService<IEcomOrleansClient>().DeleteUserAsync("u-42");
        Assert.Single(_engine.Requests);
        _time.Advance(TimeSpan.FromSeconds(1.2));
        await deleting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _engine.Requests.Count);
    }

    [Fact]
    public void AddEcomOrleansClient_BadOptions_FailAtStartUp()
    {
        using var provider = Compose(o => o.MaxRetries = 11);

        // What a host runs before it starts anything (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            "BaseAddress: EcomOrleansClientOptions.BaseAddress must be set; MaxRetries: The field EcomOrleansClientOptions.MaxRetries must be between 0 and 10.",
            error.Message);
    }

    private ServiceProvider Compose(Action<EcomOrleansClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddEcomOrleansClient(configure).ConfigurePrimaryHttpMessageHandler(() => _engine);
        return services.BuildServiceProvider();
    }
}
