using EcomOrleans.Silo.Apis;
using EcomOrleans.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace EcomOrleans.Silo.Tests.Hosting;

/// <summary>The engine as Program.cs composes it, built but not started: for what start-up validates.</summary>
internal static class EngineComposition
{
    /// <summary>No store named by the environment, then <paramref name="settings"/> over the defaults.</summary>
    public static WebApplication Compose(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Redis", ""), new("ConnectionStrings:AzureStorage", "")]);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddEcomServiceDefaults();
        builder.AddEcomOrleans();
        builder.AddEcomApi();
        return builder.Build();
    }
}
