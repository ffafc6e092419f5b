using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EcomOrleans.Silo.Tests.Storage;
using Xunit.Abstractions;

namespace EcomOrleans.Silo.Tests.Metrics;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c>, at <c>ECOM_TEST_PROMETHEUS</c>; .ci/run installs it) scrapes a silo in a
/// process of its own through a short replay of the Beauty data set and the dashboard scenario, and every PromQL
/// expression of every dashboard in grafana/ is then asked of Prometheus' HTTP API: each must return at least one series
/// with a number, not just name metrics that exist.
/// </summary>
public sealed class PrometheusDashboardTests(ITestOutputHelper output)
{
    public const string Variable = "ECOM_TEST_PROMETHEUS";

    /// <summary>What Grafana puts for its variables: the scrape is every second, so a minute's window holds many samples.</summary>
    private static readonly (string Variable, string Value)[] GrafanaVariables = [("$__rate_interval", "1m"), ("$category", ".*")];

    [SkippableFact]
    public async Task EveryDashboardExpression_ReturnsDataFromARealPrometheus_AfterAShortReplay()
    {
        var prometheus = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(prometheus), $"Set {Variable} to the prometheus binary (/usr/bin/prometheus) to run this test; .ci/run does.");
        var data = SharedData.PathOf(Path.Combine("amazon-beauty", "beauty-s3rec.txt"));
        using var silo = SiloProcess.Start(store: null, $"test-{Guid.NewGuid():N}", DashboardScenario.SiloSettings);
        var writer = silo.Client;
        using var server = PrometheusServer.Start(prometheus!, silo.Client.BaseAddress!);
        using var api = new HttpClient { BaseAddress = server.Address };
        await server.WaitUntilScrapedAsync(api);

        var replay = await RunReplayAsync(silo.Client.BaseAddress!, Path.GetDirectoryName(Path.GetDirectoryName(data))!);
        output.WriteLine(replay);
        await DashboardScenario.RunAsync(writer, () => writer.GetStringAsync("/metrics"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await DashboardScenario.RunAsync(writer, () => writer.GetStringAsync("/metrics"));
        // The boards republish every 5 s and the trailing demand reports go at most 15 s after a burst: let Prometheus
        // scrape the settled figures (a scrape a second).
        await Task.Delay(TimeSpan.FromSeconds(20));

        var empty = new List<string>();
        var expressions = DashboardScenario.Expressions();
        foreach (var (dashboard, title, expr) in expressions)
        {
            var query = GrafanaVariables.Aggregate(expr, (q, v) => q.Replace(v.Variable, v.Value, StringComparison.Ordinal));
            var answer = JsonNode.Parse(await api.GetStringAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}"))!;
            Assert.Equal("success", (string?)answer["status"]);
            var values = answer["data"]!["result"]!.AsArray()
                .Select(r => double.Parse((string)r!["value"]![1]!, NumberStyles.Float, CultureInfo.InvariantCulture))
                .ToList();
            output.WriteLine($"{dashboard} / {title}: {query} -> {values.Count} series{(values.Count > 0 ? $", first {values[0]}" : "")}");
            if (!values.Any(double.IsFinite))
            {
                empty.Add($"{dashboard} / {title}: {query} ({values.Count} series, none with a number)");
            }
        }

        Assert.True(expressions.Count >= 30, $"only {expressions.Count} expressions found in grafana/dashboards");
        Assert.True(empty.Count == 0, "No data for:\n" + string.Join("\n", empty));
    }

    /// <summary>The load generator's replay of the first 2,000 Beauty events (and the catalog of their SKUs), stamped as they are sent.</summary>
    private static async Task<string> RunReplayAsync(Uri engine, string dataDirectory)
    {
        var loadGen = LoadGenDll();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                loadGen, "replay", "--dataset", "beauty", "--url", engine.ToString(), "--api-key", EngineFactory.ApiKey,
                "--data-dir", dataDirectory, "--limit", "2000", "--live",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"replay did not finish in 3 minutes:\n{await stdout}\n{await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"replay exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return await stdout;
    }

    /// <summary>The load generator built beside this test's configuration (the solution builds both).</summary>
    private static string LoadGenDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
        var path = Repository.PathOf("src", "EcomOrleans.LoadGen", "bin", configuration, "net10.0", "EcomOrleans.LoadGen.dll");
        Assert.True(File.Exists(path), $"{path} is absent: build the solution first.");
        return path;
    }

    /// <summary>A Prometheus of its own (own port, own data folder) scraping one silo every second.</summary>
    private sealed class PrometheusServer : IDisposable
    {
        private readonly Process _process;
        private readonly string _folder;

        private PrometheusServer(Process process, string folder, Uri address)
        {
            _process = process;
            _folder = folder;
            Address = address;
        }

        public Uri Address { get; }

        public static PrometheusServer Start(string binary, Uri silo)
        {
            var folder = Directory.CreateTempSubdirectory("ecom-prometheus-").FullName;
            var config = Path.Combine(folder, "prometheus.yml");
            File.WriteAllText(config, $"""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: ecom-orleans
                    metrics_path: /metrics
                    static_configs:
                      - targets: ["{silo.Authority}"]
                """);
            var port = SiloProcess.FreePort();
            var start = new ProcessStartInfo(binary)
            {
                ArgumentList =
                {
                    $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder, "data")}",
                    $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}"));
        }

        /// <summary>Until Prometheus is ready and its target has been scraped successfully once (at most a minute).</summary>
        public async Task WaitUntilScrapedAsync(HttpClient api)
        {
            var deadline = DateTime.UtcNow.AddMinutes(1);
            string last = "";
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(_process.HasExited, $"prometheus exited with {(_process.HasExited ? _process.ExitCode : 0)}");
                try
                {
                    last = await api.GetStringAsync("/api/v1/targets?state=active");
                    var targets = JsonNode.Parse(last)!["data"]!["activeTargets"]!.AsArray();
                    if (targets.Count > 0 && targets.All(t => (string?)t!["health"] == "up"))
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }

            Assert.Fail($"Prometheus did not scrape the silo within a minute: {last}");
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a dying process: the temporary folder is the OS's to clean.
            }
        }
    }
}
