using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Insights;
using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Grains.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Hosting;

public static class EcomGrainsSiloBuilderExtensions
{
    /// <summary>
    /// Registers the engine grains' options (bound from <c>Grains:*</c>, validated at start-up) and the
    /// system clock unless a <see cref="TimeProvider"/> is already registered (tests register a fake).
    /// The silo must also have a grain storage named <see cref="Storage.StorageNames.Provider"/>.
    /// </summary>
    public static ISiloBuilder AddEcomGrains(this ISiloBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        AddValidated<UserGrainOptions>(services, UserGrainOptions.SectionName, o => o.Validate());
        AddValidated<SkuGrainOptions>(services, SkuGrainOptions.SectionName, o => o.Validate());
        AddValidated<SearchDemandOptions>(services, SearchDemandOptions.SectionName, o => o.Validate());
        AddValidated<TrendingOptions>(services, TrendingOptions.SectionName, o => o.Validate());
        AddValidated<RecommendationOptions>(services, RecommendationOptions.SectionName, o => o.Validate());
        AddValidated<CatalogOptions>(services, CatalogOptions.SectionName, o => o.Validate());
        services.AddSingleton<CatalogProjection>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CatalogProjection>());
        return builder;
    }

    private static void AddValidated<TOptions>(IServiceCollection services, string section, Func<TOptions, IEnumerable<string>> validate)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new DelegateValidator<TOptions>(validate));
    }

    private sealed class DelegateValidator<TOptions>(Func<TOptions, IEnumerable<string>> validate) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var failures = validate(options).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
