using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Reporting;

/// <summary>Prints a <see cref="LoadReport"/> as a table for people or as one JSON object for scripts.</summary>
public static class LoadReportWriter
{
    public static string ToJson(LoadReport report) => JsonSerializer.Serialize(report.ToJson(), ReportJsonContext.Default.LoadReportJson);

    public static void WriteTable(IAnsiConsole console, LoadReport report)
    {
        var json = report.ToJson();
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"load {report.Dataset}: {report.Users:N0} users, count {report.Count}")
            .AddColumns("offered/s", "requests", "achieved/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors", "personalized");
        foreach (var rate in json.Rates)
        {
            table.AddRow([Step(rate, report), .. Figures(rate), F(rate.PersonalizedShare * 100, "N1") + "%"]);
        }

        console.Write(table);
        if (json.Intent.Count > 0)
        {
            var bot = new Table().Border(TableBorder.Rounded)
                .Title("beside each step: the bot's messages (POST /api/users/{id}/intent)")
                .AddColumns("step", "offered/s", "requests", "achieved/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors");
            foreach (var (step, intent) in json.Rates.Zip(json.Intent))
            {
                bot.AddRow([Step(step, report), F(intent.Offered, "N0"), .. Figures(intent)]);
            }

            console.Write(bot);
        }

        var freshness = json.Freshness;
        console.MarkupLineInterpolated(
            $"freshness: {freshness.Changed} of {freshness.Checked} changed after a purchase ({freshness.Skipped} skipped); 202 to changed recommendation: median {freshness.MedianMs:N2} ms, max {freshness.MaxMs:N2} ms");
    }

    private static string Step(RateReportJson rate, LoadReport report) =>
        rate.Offered == 0 ? $"closed x{report.Concurrency}" : F(rate.Offered, "N0");

    /// <summary>A step's requests, achieved rate, latencies and errors, as both tables show them.</summary>
    private static string[] Figures(RateReportJson rate) =>
    [
        F(rate.Requests, "N0"), F(rate.AchievedPerSec, "N1"), F(rate.P50Ms, "N2"), F(rate.P99Ms, "N2"), F(rate.P999Ms, "N2"), F(rate.MaxMs, "N2"),
        Markup.Escape(Errors(rate)),
    ];

    private static string Errors(RateReportJson rate) =>
        rate.Errors == 0
            ? "0"
            : string.Join(", ", rate.ErrorsByStatus.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key}: {e.Value:N0}")));

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string F(long value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
