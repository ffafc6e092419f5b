namespace EcomOrleans.LoadGen.Reporting;

/// <summary>
/// What <c>load --json</c> prints: one object, latencies in milliseconds, durations in seconds. <c>intent</c> holds the
/// bot's messages offered beside each step of <c>rates</c>, in the same order (empty without <c>--intent-rate</c>).
/// </summary>
public sealed record LoadReportJson(
    string Dataset,
    int Users,
    int Count,
    int Concurrency,
    IReadOnlyList<RateReportJson> Rates,
    FreshnessReportJson Freshness,
    IReadOnlyList<RateReportJson> Intent);

/// <summary>One offered rate: <c>offered</c> 0 is the closed-loop saturation step; <c>achievedPerSec</c> counts 2xx answers.</summary>
public sealed record RateReportJson(
    double Offered,
    long Requests,
    double AchievedPerSec,
    double P50Ms,
    double P99Ms,
    double P999Ms,
    double MaxMs,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorsByStatus,
    double PersonalizedShare,
    double ElapsedSec);

/// <summary>The freshness check: <c>changed</c> of <c>checked</c> users no longer saw the SKU they had just bought.</summary>
public sealed record FreshnessReportJson(int Checked, int Changed, int Unchanged, int Skipped, double MedianMs, double MaxMs);
