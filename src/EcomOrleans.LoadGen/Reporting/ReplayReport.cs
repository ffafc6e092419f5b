using System.Globalization;
using EcomOrleans.LoadGen.Replay;

namespace EcomOrleans.LoadGen.Reporting;

/// <summary>The final figures of a replay: throughput of the event phase and its request latency percentiles.</summary>
public sealed record ReplayReport(string Dataset, ReplaySettings Settings, PhaseResult Catalog, PhaseResult Events)
{
    /// <summary>Events the engine took per second of the event phase.</summary>
    public double EventsPerSecond => PerSecond(Events.Items, Events.Elapsed);

    /// <summary>Event batches answered per second of the event phase.</summary>
    public double RequestsPerSecond => PerSecond(Events.Requests, Events.Elapsed);

    /// <summary>Failed requests of both phases.</summary>
    public long Errors => Catalog.Errors + Events.Errors;

    public ReplayReportJson ToJson() => new(
        Dataset,
        Events.Items,
        Events.ItemsFailed,
        Events.Accepted,
        Events.Duplicates,
        Events.Requests,
        Events.Retries,
        Errors,
        Merge(Catalog.ErrorsByStatus, Events.ErrorsByStatus),
        Round(Events.Elapsed.TotalSeconds),
        Round(EventsPerSecond),
        Round(RequestsPerSecond),
        Round(Events.Latency.PercentileMs(50)),
        Round(Events.Latency.PercentileMs(90)),
        Round(Events.Latency.PercentileMs(99)),
        Round(Events.Latency.PercentileMs(99.9)),
        Round(Events.Latency.MaxMs),
        Catalog.Items,
        Catalog.Errors,
        Round(Catalog.Elapsed.TotalSeconds),
        Settings.BatchSize,
        Settings.Concurrency,
        Settings.EventsPerSecond);

    /// <summary>The status a failed request ended with, as reports name it.</summary>
    public static string StatusName(int status) =>
        status == Http.RequestOutcome.NoResponse ? "no-response" : status.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, long> Merge(IReadOnlyDictionary<int, long> first, IReadOnlyDictionary<int, long> second)
    {
        var merged = new Dictionary<string, long>();
        foreach (var (status, count) in first.Concat(second))
        {
            var name = StatusName(status);
            merged[name] = merged.GetValueOrDefault(name) + count;
        }

        return merged;
    }

    private static double PerSecond(long count, TimeSpan elapsed) => elapsed > TimeSpan.Zero ? count / elapsed.TotalSeconds : 0;

    private static double Round(double value) => Math.Round(value, 3);
}
