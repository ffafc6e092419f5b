using EcomOrleans.Configuration;
using EcomOrleans.Inference.Demand;
using EcomOrleans.Inference.Intent;
using EcomOrleans.Inference.Models;
using EcomOrleans.Inference.Sequence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcomOrleans.Inference.Hosting;

public static class InferenceSiloBuilderExtensions
{
    /// <summary>
    /// Registers the inference pool: options bound from <c>Inference:*</c> and validated at start-up, the
    /// model registry (models loaded before the silo takes requests; a bad model fails start-up, a missing
    /// models folder only logs a warning) with the model kinds of <see cref="InferenceModelKinds.All"/> as
    /// its plug-ins, one batcher per model and the <see cref="Grains.InferenceGrain"/>.
    /// Adds the system clock unless a <see cref="TimeProvider"/> is already registered.
    /// </summary>
    public static ISiloBuilder AddEcomInference(this ISiloBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<InferenceOptions, InferenceOptionsValidator>(InferenceOptions.SectionName);
        foreach (var kind in InferenceModelKinds.All)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IModelKind), kind));
        }

        services.TryAddSingleton<ModelRegistry>();
        services.TryAddSingleton<SequenceEncoder>();
        services.TryAddSingleton<IntentClassifier>();
        services.TryAddSingleton<TextEncoder>();
        services.TryAddSingleton<DemandForecaster>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ModelLifecycle>();
        return builder;
    }
}
