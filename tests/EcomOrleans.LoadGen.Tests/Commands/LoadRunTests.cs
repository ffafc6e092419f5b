using System.Net;
using EcomOrleans.LoadGen.Commands;
using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Load;
using EcomOrleans.LoadGen.Reporting;
using EcomOrleans.LoadGen.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Tests.Commands;

public sealed class LoadRunTests
{
    private static readonly string[] Users = ["u0", "u1", "u2", "u3"];

    private readonly FakeTimeProvider _time = new(TestData.Now);

    [Fact]
    public async Task ExecuteAsync_ClosedLoopStep_CountsRequestsPersonalizedShareAndErrorsByStatus()
    {
        // 100 ms per answer and one worker: ten requests in the one-second step, to u0..u3 round robin.
        var engine = new StubRecommendationEngine(_time)
        {
            RequestTime = TimeSpan.FromMilliseconds(100),
            PersonalizedUsers = ["u0", "u1"],
            FailingUsers = new() { ["u3"] = HttpStatusCode.ServiceUnavailable },
        };

        var report = await ExecuteAsync(engine, rates: [0], freshnessUsers: 0);

        var step = Assert.Single(report.Rates);
        Assert.Equal((0.0, 10L, 8L, 2L), (step.Offered, step.Requests, step.Succeeded, step.Errors)); // u3 asked at requests 3 and 7
        Assert.Equal(new Dictionary<int, long> { [503] = 2 }, step.ErrorsByStatus);
        Assert.Equal(0.75, step.PersonalizedShare); // u0 three times and u1 three times of eight answers
        Assert.Equal(8.0, step.AchievedPerSecond);
        Assert.Equal(10, step.Latency.Count);
    }

    [Fact]
    public async Task ExecuteAsync_OpenThenClosedLoopThenFreshness_ReportsEachStepAndTheCheck()
    {
        // Each answer moves the clock 100 ms, so the open-loop step at 10/s stays on schedule and each request waits 100 ms.
        var engine = new StubRecommendationEngine(_time) { RequestTime = TimeSpan.FromMilliseconds(100), PersonalizedUsers = [.. Users] };

        var report = await ExecuteAsync(engine, rates: [10, 0], freshnessUsers: 2);

        Assert.Equal([10.0, 0.0], report.Rates.Select(r => r.Offered));
        Assert.Equal([(10L, 0L, 1.0), (10L, 0L, 1.0)], report.Rates.Select(r => (r.Requests, r.Errors, r.PersonalizedShare)));
        Assert.InRange(report.Rates[0].Latency.MaxMs, 100.0, 100.1); // 100 ms each; HdrHistogram keeps 3 significant digits
        Assert.Equal((2, 2), (report.Freshness.Checked, report.Freshness.Changed));
        Assert.Equal(["u0", "u1"], engine.Events.Select(e => e.GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task ExecuteAsync_WithWarmup_OffersTheFirstRateFirstAndCountsOnlyTheStep()
    {
        var engine = new StubRecommendationEngine(_time) { RequestTime = TimeSpan.FromMilliseconds(100), PersonalizedUsers = [.. Users] };

        var report = await ExecuteAsync(engine, rates: [10], freshnessUsers: 0, warmup: TimeSpan.FromSeconds(2));

        Assert.Equal(10L, Assert.Single(report.Rates).Requests);
        Assert.Equal(1 + 20 + 10, engine.RecommendationRequests.Count); // the reachability probe, 2 s of warm-up at 10/s, the step
    }

    [Fact]
    public async Task ExecuteAsync_WithASamplesFile_WritesEveryRequestOfEveryStepWithItsDueTime()
    {
        var engine = new StubRecommendationEngine(_time) { RequestTime = TimeSpan.FromMilliseconds(100), PersonalizedUsers = [.. Users] };
        var path = Path.Combine(Path.GetTempPath(), $"samples-{Guid.NewGuid():N}.csv");
        try
        {
            // Each answer moves the clock 100 ms, so the open loop at 10/s stays on its schedule (see the test above).
            await ExecuteAsync(engine, rates: [10, 0], freshnessUsers: 0, samplesFile: path);

            var lines = File.ReadAllLines(path);
            Assert.Equal(RequestSampleCsv.Header, lines[0]);
            Assert.Equal(["1,10,0,0.000,100.000,200", "1,10,1,100.000,100.000,200", "1,10,9,900.000,100.000,200"], [lines[1], lines[2], lines[10]]);
            Assert.Equal(10, lines.Count(l => l.StartsWith("2,0,", StringComparison.Ordinal))); // closed loop: 1 s of 100 ms answers
            Assert.Equal("2,0,0,,100.000,200", lines[11]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ExecuteAsync_WithTheBot_OffersItsMessagesBesideEachStepAndReportsThemPerStep()
    {
        var engine = new StubRecommendationEngine(_time) { RequestTime = TimeSpan.FromMilliseconds(100), PersonalizedUsers = [.. Users] };
        using var http = new HttpClient(engine, disposeHandler: false) { BaseAddress = new Uri("http://engine.test/") };

        var report = await ExecuteAsync(engine, rates: [10, 0], freshnessUsers: 0, bot: (new IntentClient(http), ["where is my order", "refund please"]), intentRate: 5);

        // 5/s for each one-second step: five messages beside each, the two messages in turn, users spread by seven.
        Assert.Equal([(5.0, 5L, 0L), (5.0, 5L, 0L)], report.Intent.Select(r => (r.Offered, r.Requests, r.Errors)));
        Assert.Equal(10, engine.IntentRequests.Count);
        Assert.Equal(["where is my order", "refund please", "where is my order"], engine.IntentRequests.Take(3).Select(r => r.Message));
        Assert.Equal(["u0", "u3", "u2"], engine.IntentRequests.Take(3).Select(r => r.User));
        using var json = System.Text.Json.JsonDocument.Parse(LoadReportWriter.ToJson(report));
        Assert.Equal([5L, 5L], json.RootElement.GetProperty("intent").EnumerateArray().Select(r => r.GetProperty("requests").GetInt64()));
    }

    [Fact]
    public void ReadMessages_ChallengeSet_ReadsTheTextColumnUnquoted()
    {
        var path = Path.Combine(Path.GetTempPath(), $"messages-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["message,intents,style", "\"cancel it, \"\"now\"\"\",cancel_order,short", "plain text,track_order,plain"]);
        try
        {
            Assert.Equal(["cancel it, \"now\"", "plain text"], IntentClient.ReadMessages(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ExecuteAsync_WrongApiKey_StopsBeforeTheFirstStep()
    {
        var engine = new StubRecommendationEngine(_time);

        await Assert.ThrowsAsync<ApiKeyRejectedException>(() => ExecuteAsync(engine, rates: [0], freshnessUsers: 1, apiKey: "wrong"));

        Assert.Equal(["u0"], engine.RecommendationRequests); // the reachability probe only
    }

    [Fact]
    public async Task ExecuteAsync_EngineUnreachable_StopsWithEngineUnreachable()
    {
        var engine = new StubRecommendationEngine(_time) { Unreachable = true };

        var error = await Assert.ThrowsAsync<EngineUnreachableException>(() => ExecuteAsync(engine, rates: [0], freshnessUsers: 1));

        Assert.Contains("http://engine.test/", error.Message, StringComparison.Ordinal);
    }

    private Task<LoadReport> ExecuteAsync(
        StubRecommendationEngine engine, double[] rates, int freshnessUsers, string apiKey = "test-key",
        (IntentClient, IReadOnlyList<string>)? bot = null, double intentRate = 0, TimeSpan warmup = default, string? samplesFile = null)
    {
        var options = new LoadOptions(
            new Uri("http://engine.test/"), apiKey, "beauty", TestData.Fixtures, Users.Length, rates, TimeSpan.FromSeconds(1), Count: 10,
            Concurrency: 1, Seed: 42, freshnessUsers, TimeSpan.FromSeconds(30), Json: false, IntentRate: intentRate,
            SamplesFile: samplesFile, Warmup: warmup);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null), Ansi = AnsiSupport.No });
        return LoadRun.ExecuteAsync(
            engine.CreateRecommendationClient(options.Count, apiKey),
            bot,
            engine.CreateEngineClient(apiKey, retries: 1),
            options.EngineUrl,
            Users,
            options,
            _time,
            console,
            CancellationToken.None);
    }
}
