using EcomOrleans.LoadGen.Load;

namespace EcomOrleans.LoadGen.Reporting;

/// <summary>The final figures of a load test: one result per offered rate, then the freshness check.</summary>
/// <param name="Users">Distinct users the requests went to, round robin.</param>
/// <param name="Count">Items asked for per recommendation.</param>
public sealed record LoadReport(string Dataset, int Users, int Count, int Concurrency, IReadOnlyList<RateResult> Rates, FreshnessResult Freshness)
{
    /// <summary>The bot's messages offered beside each step, one per step (empty when none were sent).</summary>
    public IReadOnlyList<RateResult> Intent { get; init; } = [];

    /// <summary>Failed requests over all rates, the bot's included.</summary>
    public long Errors => Rates.Sum(r => r.Errors) + Intent.Sum(r => r.Errors);

    public LoadReportJson ToJson() => new(
        Dataset,
        Users,
        Count,
        Concurrency,
        [.. Rates.Select(ToJson)],
        new FreshnessReportJson(Freshness.Checked, Freshness.Changed, Freshness.Unchanged, Freshness.Skipped, Round(Freshness.MedianMs), Round(Freshness.MaxMs)),
        [.. Intent.Select(ToJson)]);

    private static RateReportJson ToJson(RateResult r) => new(
            r.Offered,
            r.Requests,
            Round(r.AchievedPerSecond),
            Round(r.Latency.PercentileMs(50)),
            Round(r.Latency.PercentileMs(99)),
            Round(r.Latency.PercentileMs(99.9)),
            Round(r.Latency.MaxMs),
            r.Errors,
            r.ErrorsByStatus.ToDictionary(e => ReplayReport.StatusName(e.Key), e => e.Value, StringComparer.Ordinal),
            Round(r.PersonalizedShare),
            Round(r.Elapsed.TotalSeconds));

    private static double Round(double value) => Math.Round(value, 3);
}
