using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcomOrleans.Silo.Tests.Metrics;
using EcomOrleans.Silo.Tests.Storage;

namespace EcomOrleans.Silo.Tests;

/// <summary>Every metric a dashboard in grafana/ queries is one the engine really exports.</summary>
/// <remarks>
/// NOTE: against a silo in a process of its own, as it runs in production. Every silo has a meter named
/// Microsoft.Orleans, and an engine's metrics pipeline listens to every meter of that name in the process: with the
/// test run's other engines starting and stopping beside it, its scrape now and then lacked an observable gauge
/// (orleans_catalog_activations) or a histogram that another silo's meter had shadowed.
/// </remarks>
public sealed partial class GrafanaDashboardTests
{
    [Fact]
    public async Task Dashboards_QueryOnlyMetricsTheEngineExports()
    {
        using var silo = SiloProcess.Start(store: null, $"test-{Guid.NewGuid():N}", DashboardScenario.SiloSettings);
        var writer = silo.Client;
        await DashboardScenario.RunAsync(writer, () => writer.GetStringAsync("/metrics"));
        var queried = DashboardScenario.Expressions()
            .SelectMany(e => MetricName().Matches(Grouping().Replace(e.Expr, "")).Select(m => m.Value))
            .ToHashSet();

        // The category boards publish their figures every 5 s (CategoryBoardGrain.PublishInterval): scrape until they
        // are in, for at most 30 s.
        var missing = queried;
        for (var attempt = 0; attempt < 60 && missing.Count > 0; attempt++)
        {
            missing = [.. queried.Except(ExportedNames(await writer.GetStringAsync("/metrics")))];
            if (missing.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }

        Assert.NotEmpty(queried);
        Assert.Empty(missing);
    }

    private static HashSet<string> ExportedNames(string scrape) =>
        scrape.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('{', ' ')[0])
            .ToHashSet();

    /// <summary>"by (label, ...)" names labels, not metrics.</summary>
    [GeneratedRegex(@"\bby \([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\b(?:ecom|orleans|http|dotnet|kestrel|aspnetcore)_[a-z0-9_]+\b")]
    private static partial Regex MetricName();
}
