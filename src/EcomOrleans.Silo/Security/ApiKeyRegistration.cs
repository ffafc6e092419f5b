using System.Security.Cryptography;

namespace EcomOrleans.Silo.Security;

internal static partial class ApiKeyRegistration
{
    public const int MinimumLength = 16;

    /// <summary>Registers the effective key: the configured one, or a random one logged once at start-up.</summary>
    public static IServiceCollection AddApiKey(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection(ApiKeyOptions.SectionName).Get<ApiKeyOptions>()?.ApiKey;
        if (configured is not null && configured.Length < MinimumLength)
        {
            throw new InvalidOperationException($"Security:ApiKey must be at least {MinimumLength} characters long.");
        }

        var generated = configured is null;
        var value = configured ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        services.AddSingleton(new ApiKey(value));
        services.AddSingleton<ApiKeyEndpointFilter>();
        if (generated)
        {
            services.AddHostedService(sp => new GeneratedKeyAnnouncer(value, sp.GetRequiredService<ILogger<ApiKey>>()));
        }

        return services;
    }

    private sealed partial class GeneratedKeyAnnouncer(string key, ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogGenerated(logger, key);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(3201, LogLevel.Warning, "No Security:ApiKey is set; write endpoints accept this one-off key until the process stops: {ApiKey}")]
        private static partial void LogGenerated(ILogger logger, string apiKey);
    }
}
