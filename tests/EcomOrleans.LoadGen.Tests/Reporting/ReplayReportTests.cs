using System.Text.Json;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Reporting;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Tests.Reporting;

public sealed class ReplayReportTests
{
    private static readonly ReplayReport Report = CreateReport();

    [Fact]
    public void EventsPerSecond_EventPhase_IsEventsOverItsElapsedTime()
    {
        Assert.Equal(500.0, Report.EventsPerSecond); // 1,000 events in 2 s
        Assert.Equal(5.0, Report.RequestsPerSecond); // 10 batches in 2 s
        Assert.Equal(3, Report.Errors); // one failed SKU, two failed batches
    }

    [Fact]
    public void ToJson_Report_HasTheFieldsScriptsReadWithLatenciesInMs()
    {
        using var json = JsonDocument.Parse(ReportWriter.ToJson(Report));
        var root = json.RootElement;

        Assert.Equal(1000, root.GetProperty("events").GetInt64());
        Assert.Equal(500.0, root.GetProperty("eventsPerSec").GetDouble());
        Assert.Equal(10, root.GetProperty("requests").GetInt64());
        Assert.Equal(3, root.GetProperty("errors").GetInt64());
        Assert.Equal(1.0, root.GetProperty("p50Ms").GetDouble());
        Assert.Equal(2.0, root.GetProperty("p99Ms").GetDouble());
        Assert.Equal(2.0, root.GetProperty("p999Ms").GetDouble());
        Assert.Equal(40, root.GetProperty("duplicates").GetInt64());
        Assert.Equal(1, root.GetProperty("errorsByStatus").GetProperty("no-response").GetInt64());
        Assert.Equal(2, root.GetProperty("errorsByStatus").GetProperty("503").GetInt64());
    }

    [Fact]
    public void WriteTable_Report_ShowsThroughputAndPercentiles()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No });
        console.Profile.Width = 200;

        ReportWriter.WriteTable(console, Report);

        var text = writer.ToString();
        Assert.Contains("events/s", text, StringComparison.Ordinal);
        Assert.Contains("500", text, StringComparison.Ordinal);
        Assert.Contains("latency p99.9", text, StringComparison.Ordinal);
        Assert.Contains("503: 2", text, StringComparison.Ordinal);
    }

    private static ReplayReport CreateReport()
    {
        var latency = new LatencyHistogram();
        for (var i = 0; i < 90; i++)
        {
            latency.Record(TimeSpan.FromMilliseconds(1));
        }

        for (var i = 0; i < 10; i++)
        {
            latency.Record(TimeSpan.FromMilliseconds(2));
        }

        var catalog = new PhaseResult(9, 1, 10, 12, 0, 0, new Dictionary<int, long> { [0] = 1 }, TimeSpan.FromSeconds(1), new LatencyHistogram());
        var events = new PhaseResult(1000, 200, 10, 14, 960, 40, new Dictionary<int, long> { [503] = 2 }, TimeSpan.FromSeconds(2), latency);
        return new ReplayReport("beauty", new ReplaySettings(), catalog, events);
    }
}
