using EcomOrleans.Configuration;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Insights;
using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Grains.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddValidatedOptions<UserGrainOptions, UserGrainOptionsValidator>(UserGrainOptions.SectionName);
        services.AddValidatedOptions<SkuGrainOptions, SkuGrainOptionsValidator>(SkuGrainOptions.SectionName);
        services.AddValidatedOptions<ForecastOptions, ForecastOptionsValidator>(ForecastOptions.SectionName);
        services.AddValidatedOptions<CategoryBoardOptions, CategoryBoardOptionsValidator>(CategoryBoardOptions.SectionName);
        services.AddValidatedOptions<RestockOptions, RestockOptionsValidator>(RestockOptions.SectionName);
        services.AddValidatedOptions<PricingOptions, PricingOptionsValidator>(PricingOptions.SectionName);
        services.AddValidatedOptions<SearchDemandOptions, SearchDemandOptionsValidator>(SearchDemandOptions.SectionName);
        services.AddValidatedOptions<TrendingOptions, TrendingOptionsValidator>(TrendingOptions.SectionName);
        services.AddValidatedOptions<RecommendationOptions, RecommendationOptionsValidator>(RecommendationOptions.SectionName);
        services.AddValidatedOptions<CatalogOptions, CatalogOptionsValidator>(CatalogOptions.SectionName);
        services.AddSingleton<MerchandisingInstruments>();
        services.AddSingleton<CatalogTextIndex>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CatalogTextIndex>());
        services.AddSingleton<CatalogProjection>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CatalogProjection>());
        return builder;
    }
}
