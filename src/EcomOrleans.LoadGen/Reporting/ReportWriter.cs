using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Reporting;

/// <summary>Prints a <see cref="ReplayReport"/> as a table for people or as one JSON object for scripts.</summary>
public static class ReportWriter
{
    /// <summary>The report as one JSON object on stdout with <paramref name="json"/>, else as a table on <paramref name="console"/>.</summary>
    public static async Task WriteAsync(IAnsiConsole console, ReplayReport report, bool json, string command)
    {
        if (json)
        {
            await Console.Out.WriteLineAsync(ToJson(report)).ConfigureAwait(false);
        }
        else
        {
            WriteTable(console, report, command);
        }
    }

    public static string ToJson(ReplayReport report) => JsonSerializer.Serialize(report.ToJson(), ReportJsonContext.Default.ReplayReportJson);

    /// <param name="command">The command the title names: <c>replay</c> (over HTTP) or <c>ceiling</c> (straight into the grains).</param>
    public static void WriteTable(IAnsiConsole console, ReplayReport report, string command = "replay")
    {
        var events = report.Events;
        var table = new Table().Border(TableBorder.Rounded).Title($"{command} {report.Dataset}")
            .AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        Row(table, "SKUs put", $"{report.Catalog.Items:N0} in {report.Catalog.Elapsed.TotalSeconds:N1} s ({report.Catalog.Errors:N0} failed)");
        Row(table, "events", $"{events.Items:N0} ({events.ItemsFailed:N0} failed)");
        Row(table, "accepted / duplicates", $"{events.Accepted:N0} / {events.Duplicates:N0}");
        Row(table, "requests (retries)", $"{events.Requests:N0} ({events.Retries:N0})");
        Row(table, "errors by status", ErrorsByStatus(report));
        Row(table, "elapsed", $"{events.Elapsed.TotalSeconds:N2} s");
        Row(table, "events/s", $"{report.EventsPerSecond:N0}");
        Row(table, "requests/s", $"{report.RequestsPerSecond:N1}");
        foreach (var (label, percentile) in new[] { ("p50", 50.0), ("p90", 90.0), ("p99", 99.0), ("p99.9", 99.9) })
        {
            Row(table, $"latency {label}", $"{events.Latency.PercentileMs(percentile):N2} ms");
        }

        Row(table, "latency max", $"{events.Latency.MaxMs:N2} ms");
        console.Write(table);
    }

    private static string ErrorsByStatus(ReplayReport report)
    {
        var errors = report.ToJson().ErrorsByStatus;
        return errors.Count == 0
            ? "none"
            : string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key}: {e.Value:N0}")));
    }

    private static void Row(Table table, string metric, string value) => table.AddRow(Markup.Escape(metric), Markup.Escape(value));
}
