namespace EcomOrleans.LoadGen.Reporting;

/// <summary>What <c>replay --json</c> prints: one object, latencies in milliseconds, durations in seconds.</summary>
public sealed record ReplayReportJson(
    string Dataset,
    long Events,
    long EventsFailed,
    long Accepted,
    long Duplicates,
    long Requests,
    long Retries,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorsByStatus,
    double ElapsedSec,
    double EventsPerSec,
    double RequestsPerSec,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double P999Ms,
    double MaxMs,
    long Skus,
    long SkuErrors,
    double CatalogElapsedSec,
    int BatchSize,
    int Concurrency,
    double Rate);
