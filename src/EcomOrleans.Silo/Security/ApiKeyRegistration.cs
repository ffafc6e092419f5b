using System.Security.Cryptography;
using EcomOrleans.Configuration;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Security;

internal static partial class ApiKeyRegistration
{
    /// <summary>
    /// Registers <see cref="ApiKeyOptions"/> (validated at start-up), the all-roles key (the configured one, or a random
    /// one logged once at start-up when no key at all is configured) and the ring of named keys.
    /// </summary>
    public static IServiceCollection AddApiKey(this IServiceCollection services)
    {
        services.AddValidatedOptions<ApiKeyOptions, ApiKeyOptionsValidator>(ApiKeyOptions.SectionName);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ApiKeyOptions>>().Value switch
        {
            { ApiKey: { } configured } => new ApiKey(configured, isGenerated: false),
            // Named keys only: no all-roles key at all (a value no header can carry).
            { Keys.Count: > 0 } => new ApiKey("\n" + Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), isGenerated: false),
            _ => new ApiKey(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(), isGenerated: true),
        });
        services.AddSingleton<ApiKeyRing>();
        services.AddHostedService<GeneratedKeyAnnouncer>();
        return services;
    }

    private sealed partial class GeneratedKeyAnnouncer(ApiKey key, ILogger<ApiKey> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (key.IsGenerated)
            {
                LogGenerated(logger, key.Value);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(3201, LogLevel.Warning, "No Security:ApiKey or Security:Keys is set; every endpoint accepts this one-off key, with every role, until the process stops. ApiKey: {ApiKey}")]
        private static partial void LogGenerated(ILogger logger, string apiKey);
    }
}
