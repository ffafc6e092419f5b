using EcomOrleans.Silo.Hosting;

namespace EcomOrleans.Silo.Demo;

public static class DemoHostingExtensions
{
    /// <summary>The demo catalog on the in-memory default (<see cref="DemoOptions"/>), with readiness waiting for it.</summary>
    public static WebApplicationBuilder AddEcomDemoCatalog(this WebApplicationBuilder builder)
    {
        // A bool only: binding is its validation (a value that is not true or false stops start-up).
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<DemoCatalogSeeder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoCatalogSeeder>());
        builder.Services.AddHealthChecks().AddCheck<DemoCatalogHealthCheck>("demo-catalog", tags: [EcomServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
