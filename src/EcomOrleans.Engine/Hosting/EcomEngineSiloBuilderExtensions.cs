using System.Text.Encodings.Web;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Hosting;
using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Grains.Users;
using EcomOrleans.Inference;
using EcomOrleans.Inference.Grains;
using EcomOrleans.Inference.Hosting;
using Microsoft.Extensions.DependencyInjection;
using EcomOrleans.Configuration;
using EcomOrleans.Engine.Storage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.Persistence;
using Orleans.Serialization;
using StackExchange.Redis;

namespace EcomOrleans.Engine.Hosting;

public static class EcomEngineSiloBuilderExtensions
{
    /// <summary>The meters the engine records on, for the host's metrics pipeline.</summary>
    public static IReadOnlyList<string> MeterNames { get; } =
        ["Microsoft.Orleans", UserInstruments.MeterName, SkuInstruments.MeterName, MerchandisingInstruments.MeterName, RecommendationInstruments.MeterName, InferenceInstruments.MeterName];

    /// <summary>
    /// Composes the engine on a silo: grain storage named <see cref="StorageNames.Provider"/> as
    /// <paramref name="storage"/> says, System.Text.Json state (readable after a rename, with the grains' aliases;
    /// compressed when long, <see cref="CompressedGrainStorageSerializer"/>),
    /// the engine grains with their options and catalog read model, and, unless <paramref name="inference"/> is
    /// false (grain tests host a stand-in), the inference pool. Clustering is the host's: it knows where it runs.
    /// </summary>
    public static ISiloBuilder AddEcomEngine(this ISiloBuilder silo, EngineStorage storage, bool inference = true)
    {
        switch (storage.Kind)
        {
            case EngineStorageKind.Memory:
                // In this process, as the bytes the serializer writes; not Orleans' memory storage grains (a grain call
                // and a copy of the bytes a write). The state goes with the process: no ranking is saved at shutdown.
                silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Provider, (services, _) =>
                    new SerializingMemoryGrainStorage(services.GetRequiredService<IGrainStorageSerializer>()));
                silo.Services.PostConfigure<TrendingOptions>(o => o.SaveWhenSiloStops = false);
                silo.Services.PostConfigure<CategoryBoardOptions>(o => o.SaveWhenSiloStops = false);
                break;
            case EngineStorageKind.Redis:
                var connection = storage.Redis ?? throw new ArgumentException("Redis storage needs a connection.", nameof(storage));
                silo.AddRedisGrainStorage(StorageNames.Provider, (RedisStorageOptions o) =>
                {
                    o.ConfigurationOptions = EngineStorage.RedisOptions(storage.RedisConnectionString!);
                    o.CreateMultiplexer = async _ => (await connection.Value, IsShared: true);
                    o.DeleteStateOnClear = true;
                });
                silo.Services.AddSingleton(storage);
                silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RedisPersistenceCheck>();
                break;
            case EngineStorageKind.AzureTable:
                var table = storage.AzureTable ?? throw new ArgumentException("Azure Table storage needs an account.", nameof(storage));
                silo.AddAzureTableGrainStorage(StorageNames.Provider, (AzureTableStorageOptions o) =>
                {
                    o.TableServiceClient = table.Client;
                    o.TableName = table.TableName;
                    o.DeleteStateOnClear = true;

                    // NOTE: binary, not string, format: the provider splits strings into 15 properties of 32K characters
                    // and drops what does not fit (480K characters), while binary holds 15 x 64 KB, which it checks.
                    o.UseStringFormat = false;
                });

                // The provider refuses a state over 960 KB at the write: refuse bounds that allow one at start-up instead.
                silo.Services.AddOptions<StateSizeLimitOptions>().ValidateOnStart();
                silo.Services.AddSingleton<IValidateOptions<StateSizeLimitOptions>, StateSizeLimitValidator>();
                break;
        }

        // System.Text.Json state, Brotli-compressed when long (Storage:Compression): CompressedGrainStorageSerializer.
        silo.Services.AddValidatedOptions<StateCompressionOptions, StateCompressionOptionsValidator>(StateCompressionOptions.SectionName);
        silo.Services.AddSingleton<SystemTextJsonGrainStorageSerializer>();
        silo.Services.AddSingleton<IGrainStorageSerializer>(services => new CompressedGrainStorageSerializer(
            services.GetRequiredService<SystemTextJsonGrainStorageSerializer>(), services.GetRequiredService<IOptions<StateCompressionOptions>>().Value));

        // Non-ASCII text as UTF-8 (up to 3 bytes a character) instead of \uXXXX escapes (6): stored state is read by
        // the engine only, never embedded in HTML, which is all the "unsafe" in the encoder's name is about.
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o =>
        {
            o.JsonSerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

            // The behaviour sequence without its defaults (2 KB less a full shopper, on every write).
            o.JsonSerializerOptions.Converters.Add(new SequenceEntryJsonConverter());
        });
        silo.AddEcomGrains();
        if (inference)
        {
            silo.AddEcomInference();

            // NOTE: a host may reference the inference project without its build assets (LoadGen does); name it, or
            // such a silo would host no inference grain.
            silo.Services.AddSerializer(serializer => serializer.AddAssembly(typeof(InferenceGrain).Assembly));
        }
        else
        {
            // The inference grain is an application part of everything that references the engine: take it out so a
            // stand-in can serve IInferenceGrain.
            silo.Services.Configure<GrainTypeOptions>(o => o.Classes.Remove(typeof(InferenceGrain)));
        }

        return silo;
    }
}
