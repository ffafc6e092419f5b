using System.Diagnostics;
using EcomOrleans.Engine.Hosting;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using EcomOrleans.Models.Sequence;
using EcomOrleans.Silo.Apis;
using EcomOrleans.Silo.Catalog;
using EcomOrleans.Skus;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Demo;

/// <summary>
/// Once the engine has started on the in-memory default, puts the sequence model's demo catalog in the catalog (each
/// SKU through its grain, as <c>PUT /api/skus/{sku}</c> would), logged as DEMO. Never on a durable store: a demo must
/// not write made-up prices and stock into a real catalog. Readiness waits for it (<see cref="DemoCatalogHealthCheck"/>).
/// </summary>
internal sealed partial class DemoCatalogSeeder(
    IOptions<DemoOptions> options,
    EngineStorage storage,
    ModelRegistry models,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    ILogger<DemoCatalogSeeder> logger) : BackgroundService
{
    /// <summary>SKUs put at once: enough to keep both cores busy, few enough to leave requests room.</summary>
    private const int Concurrency = 16;

    private volatile DemoCatalogState _state = DemoCatalogState.Pending;
    private int _seeded;
    private int _total;

    public DemoCatalogState State => _state;

    public int Seeded => Volatile.Read(ref _seeded);

    public int Total => Volatile.Read(ref _total);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SeedCatalog || storage.IsDurable)
        {
            _state = DemoCatalogState.Off;
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task.ConfigureAwait(false);
        }

        if (Load() is not { } entries)
        {
            _state = DemoCatalogState.Off;
            return;
        }

        Volatile.Write(ref _total, entries.Count);
        _state = DemoCatalogState.Seeding;
        var clock = Stopwatch.StartNew();
        try
        {
            await Parallel.ForEachAsync(
                entries, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken }, async (entry, _) =>
                {
                    await grains.Reference<ISkuGrain>(entry.Sku).UpsertCatalogAsync(entry.Catalog).ConfigureAwait(false);
                    Interlocked.Increment(ref _seeded);
                }).ConfigureAwait(false);
            _state = DemoCatalogState.Seeded;
            LogSeeded(logger, entries.Count, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the catalog is in memory and goes with the process anyway.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _state = DemoCatalogState.Failed;
            LogFailed(logger, Seeded, entries.Count, e);
        }
    }

    /// <summary>The demo catalog beside the loaded sequence model, validated as the API validates a SKU; null when there is none.</summary>
    private List<(string Sku, SkuCatalog Catalog)>? Load()
    {
        if (!models.IsLoaded(ModelKinds.Sequence))
        {
            LogNoModel(logger);
            return null;
        }

        string path;
        using (var lease = models.Acquire<LoadedModel>(ModelKinds.Sequence))
        {
            if (lease.Model.Manifest.Files.All(f => f.Role != ModelFileRoles.DemoCatalog))
            {
                LogNoFile(logger, lease.Model.Directory);
                return null;
            }

            path = lease.Model.Manifest.PathOf(lease.Model.Directory, ModelFileRoles.DemoCatalog);
        }

        try
        {
            var entries = new List<(string, SkuCatalog)>();
            foreach (var e in DemoCatalogFile.Read(path))
            {
                if (!Identifiers.IsValidSku(e.Sku))
                {
                    throw new ModelContractException($"{path}: SKU '{e.Sku}' {Identifiers.SkuRule}.");
                }

                if (!SkuRequestValidator.TryValidate(new SkuRequest(e.Title, e.Category, e.Brand, e.Price, e.Cost, e.Stock, e.LeadTimeDays), out var catalog, out var errors))
                {
                    throw new ModelContractException($"{path}: SKU '{e.Sku}': {string.Join(" ", errors.Values.SelectMany(v => v))}");
                }

                entries.Add((e.Sku, catalog!));
            }

            LogSeeding(logger, entries.Count, path);
            return entries;
        }
        catch (Exception e) when (e is ModelContractException or IOException)
        {
            LogBadFile(logger, e.Message);
            return null;
        }
    }

    [LoggerMessage(3301, LogLevel.Warning, "DEMO: putting {Count} made-up SKUs (titles, prices, stock) from {Path} in the in-memory catalog; Demo__SeedCatalog=false turns this off, and a durable store is never seeded")]
    private static partial void LogSeeding(ILogger logger, int count, string path);

    [LoggerMessage(3302, LogLevel.Information, "DEMO: catalog ready, {Count} SKUs in {Seconds:0.0} s")]
    private static partial void LogSeeded(ILogger logger, int count, double seconds);

    [LoggerMessage(3303, LogLevel.Information, "DEMO: no sequence model is loaded, so there is no demo catalog; the catalog starts empty")]
    private static partial void LogNoModel(ILogger logger);

    [LoggerMessage(3304, LogLevel.Information, "DEMO: the sequence model in {Directory} lists no demo catalog; the catalog starts empty")]
    private static partial void LogNoFile(ILogger logger, string directory);

    [LoggerMessage(3305, LogLevel.Error, "DEMO: the demo catalog was not loaded: {Reason}")]
    private static partial void LogBadFile(ILogger logger, string reason);

    [LoggerMessage(3306, LogLevel.Error, "DEMO: seeding the demo catalog stopped after {Seeded} of {Total} SKUs")]
    private static partial void LogFailed(ILogger logger, int seeded, int total, Exception exception);
}
