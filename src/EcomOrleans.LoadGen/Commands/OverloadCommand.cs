using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcomOrleans.Client;
using EcomOrleans.Client.Models;
using EcomOrleans.LoadGen.Http;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>
/// <c>overload</c>: a bounded burst far above what the engine takes, all at once, with no retries: how many requests
/// are refused with 429 (or 503) and how fast, whether each refusal carries <c>Retry-After</c>, and the silo's
/// working set before and after (from its <c>/metrics</c>). Prints one JSON object.
/// </summary>
public static partial class OverloadCommand
{
    /// <summary>The status of a batch the engine took.</summary>
    private const int Accepted = 202;

    public static Command Create(TimeProvider time)
    {
        var url = SharedOptions.Url();
        var apiKey = SharedOptions.ApiKey();
        var requests = SharedOptions.Ranged(new Option<int>("--requests") { Description = "Requests in the burst.", DefaultValueFactory = _ => 5_000 }, 1, 1_000_000);
        var connections = SharedOptions.Ranged(new Option<int>("--connections") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 1_000 }, 1, 100_000);
        var batchSize = SharedOptions.BatchSize();
        var command = new Command("overload", "A burst far above capacity, no retries: refusals (429/503), Retry-After, time to refuse, memory before and after; prints one JSON object.")
        {
            url, apiKey, requests, connections, batchSize,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(url), parse.GetValue(apiKey), parse.GetValue(requests), parse.GetValue(connections), parse.GetValue(batchSize), time, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Uri url, string? apiKey, int requests, int connections, int batchSize, TimeProvider time, CancellationToken cancellationToken)
    {
        using var client = EcomOrleansClient.Create(EngineHttp.Options(url, apiKey, TimeSpan.FromSeconds(60), retries: 0), EngineHttp.CreateTransport(connections), time);
        // /metrics is Prometheus text, not the API: a plain client reads it.
        using var http = new HttpClient(EngineHttp.CreateTransport(1)) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var before = await WorkingSetAsync(http, cancellationToken);
        var results = new (int Status, double Ms, bool RetryAfter, double AtMs)[requests];
        var clock = Stopwatch.StartNew();
        var next = -1;
        var run = Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < requests)
            {
                var batch = Batch(run, i, batchSize, time.GetUtcNow());
                var started = clock.Elapsed;
                int status;
                bool retryAfter;
                try
                {
                    await client.PostEventsAsync(batch, cancellationToken);
                    (status, retryAfter) = (Accepted, false);
                }
                catch (EcomOrleansApiException e)
                {
                    (status, retryAfter) = ((int)e.StatusCode, e.RetryAfter is not null);
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutException)
                {
                    (status, retryAfter) = (RequestOutcome.NoResponse, false);
                }

                results[i] = (status, (clock.Elapsed - started).TotalMilliseconds, retryAfter, clock.Elapsed.TotalMilliseconds);
            }
        }));
        var elapsed = clock.Elapsed;
        var after = await WorkingSetAsync(http, cancellationToken);

        var refused = results.Where(r => r.Status is 429 or 503).ToList();
        var accepted = results.Where(r => r.Status == Accepted).ToList();
        var report = new
        {
            requests,
            connections,
            batchSize,
            elapsedSec = Math.Round(elapsed.TotalSeconds, 2),
            statuses = results.GroupBy(r => r.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count()),
            refusedWithRetryAfter = refused.Count(r => r.RetryAfter),
            firstRefusalAtMs = refused.Count == 0 ? (double?)null : Math.Round(refused.Min(r => r.AtMs - r.Ms), 1),
            refusalP50Ms = Percentile(refused, 0.50),
            refusalP99Ms = Percentile(refused, 0.99),
            acceptedP50Ms = Percentile(accepted, 0.50),
            acceptedP99Ms = Percentile(accepted, 0.99),
            workingSetBeforeMb = before,
            workingSetAfterMb = after,
        };
        Console.WriteLine(JsonSerializer.Serialize(report));
        return ReplayCommand.Succeeded;
    }

    private static double? Percentile(List<(int Status, double Ms, bool RetryAfter, double AtMs)> results, double q)
    {
        if (results.Count == 0)
        {
            return null;
        }

        var sorted = results.Select(r => r.Ms).Order().ToList();
        return Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)], 1);
    }

    private static ShopperEvent[] Batch(string run, int request, int batchSize, DateTimeOffset now) =>
    [
        .. Enumerable.Range(0, batchSize).Select(e => new ShopperEvent(
            string.Create(CultureInfo.InvariantCulture, $"ov-{run}-{request}-{e}"),
            string.Create(CultureInfo.InvariantCulture, $"u-ov-{((request * batchSize) + e) % 50_000}"),
            "s-ov",
            ShopperEventKind.View,
            string.Create(CultureInfo.InvariantCulture, $"sku-ov-{e % 500}"),
            Query: null,
            Quantity: null,
            Price: null,
            now)),
    ];

    /// <summary>The silo's working set in MB from <c>dotnet_process_memory_working_set_bytes</c>, or null when it does not say.</summary>
    private static async Task<double?> WorkingSetAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            var scrape = await http.GetStringAsync("/metrics", cancellationToken);
            return WorkingSet().Match(scrape) is { Success: true } m
                ? Math.Round(double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture) / 1e6, 1)
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^dotnet_process_memory_working_set_bytes(?:\{[^}]*\})? (?<value>[0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex WorkingSet();
}
