using EcomOrleans.Client.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Client;

/// <summary>Registers <see cref="EcomOrleansClient"/> with the HTTP client factory.</summary>
public static class EcomOrleansClientServiceCollectionExtensions
{
    /// <summary>The name of the client's resilience handler in the HTTP client factory: <c>ecom-orleans</c>.</summary>
    public const string ResilienceHandlerName = "ecom-orleans";

    /// <summary>
    /// Registers <see cref="IEcomOrleansClient"/> and <see cref="EcomOrleansClient"/> as a typed HTTP client with the
    /// retries and attempt timeout of its options (a registered <see cref="TimeProvider"/> times them), the options
    /// validated when the host starts. Returns the client's builder, to add handlers or set its primary handler.
    /// </summary>
    public static IHttpClientBuilder AddEcomOrleansClient(this IServiceCollection services, Action<EcomOrleansClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<EcomOrleansClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EcomOrleansClientOptions>, EcomOrleansClientOptionsValidator>());

        var builder = services.AddHttpClient(nameof(EcomOrleansClient));
        builder.AddTypedClient(Create);
        builder.AddTypedClient<IEcomOrleansClient>(Create);
        // The pipeline times each attempt; a client-wide timeout would cut the retries short.
        builder.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(ResilienceHandlerName, (pipeline, context) => ClientResilience.Configure(
            pipeline,
            context.ServiceProvider.GetRequiredService<IOptions<EcomOrleansClientOptions>>().Value,
            context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }

    private static EcomOrleansClient Create(HttpClient http, IServiceProvider provider) =>
        new(http, provider.GetRequiredService<IOptions<EcomOrleansClientOptions>>().Value);
}
