using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EcomOrleans.Silo.Tests.Storage;

namespace EcomOrleans.Silo.Tests;

/// <summary>
/// README's first five minutes, as a new user lives them: the built engine started as <c>dotnet run</c> starts it (its
/// own folder, its appsettings.json, no key configured, the demo catalog), the key taken from its log, then every
/// curl example of README.md in order. Each is preceded by <c>&lt;!-- example: STATUS --&gt;</c> and followed by the
/// answer as a comment, which the answer must match (<see cref="ReadmeBodyShape"/>), so the README cannot drift from
/// the API. Ends with a stop, which must be quiet.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    /// <summary>The issue's bar for a start-up a person can read.</summary>
    private const int MaxStartupLogLines = 40;

    /// <summary>The log categories of Orleans' reports of a paused machine (<see cref="WithoutMachineStalls"/>).</summary>
    private static readonly string[] MachineStalls =
    [
        "Orleans.Runtime.Scheduler.WorkItemGroup[101215]",
        "Orleans.Runtime.SiloLifecycleSubject[100452]",
        "Orleans.Runtime.MembershipService.LocalSiloHealthMonitor[",
    ];

    [Fact]
    public async Task Readme_FirstFiveMinutesAndEveryExample_AnswerAsTheirCommentsSay()
    {
        var examples = Parse(File.ReadAllText(Repository.PathOf("README.md")));
        Assert.True(examples.Count >= 14, $"Expected the README's examples, found {examples.Count}.");
        using var silo = SiloProcess.Start(
            store: null,
            serviceId: $"readme-{Guid.NewGuid():N}",
            new Dictionary<string, string?> { ["Security:ApiKey"] = null, ["Demo:SeedCatalog"] = "true" },
            workingDirectory: Repository.PathOf("src", "EcomOrleans.Silo"));
        using var http = new HttpClient { BaseAddress = silo.Client.BaseAddress };
        await WaitUntilReadyAsync(http);

        var startup = WithoutMachineStalls(silo.Output);
        Assert.True(startup.Count < MaxStartupLogLines, $"The start-up log has {startup.Count} lines:\n{string.Join("\n", startup)}");
        Assert.DoesNotContain(startup, l => l.StartsWith("fail:", StringComparison.Ordinal));
        var key = ApiKeyLine().Match(Assert.Single(startup, l => l.Contains("ApiKey: ", StringComparison.Ordinal))).Groups["key"].Value;

        foreach (var example in examples)
        {
            using var request = new HttpRequestMessage(new HttpMethod(example.Method), example.Path);
            if (example.SendsKey)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            if (example.Body is not null)
            {
                request.Content = new StringContent(example.Body, Encoding.UTF8, "application/json");
            }

            var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var what = $"{example.Method} {example.Path}";
            Assert.True(example.Status == response.StatusCode, $"{what}: expected {(int)example.Status}, got {(int)response.StatusCode} {body}");
            if (example.Status == HttpStatusCode.NoContent)
            {
                Assert.Equal("", body);
            }
            else
            {
                Assert.False(example.Answer is null, $"{what}: README shows no answer for it (a '# ...' comment after the command).");
                ReadmeBodyShape.AssertMatches(example.Answer, body, what);
            }
        }

        Assert.Equal(0, await silo.StopAsync());
        var stopping = WithoutMachineStalls(silo.Output).SkipWhile(l => !l.Contains("Application is shutting down", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stopping);
        var complaints = stopping.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("warn:", StringComparison.Ordinal)).ToList();
        Assert.True(complaints.Count == 0, $"The silo complained while stopping:{Environment.NewLine}{string.Join(Environment.NewLine, stopping)}");
    }

    /// <summary>Until readiness answers 200 (the silo active, the demo catalog in), for at most a minute.</summary>
    private static async Task WaitUntilReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var response = await http.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not ready after a minute: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static List<Example> Parse(string readme)
    {
        var examples = new List<Example>();
        foreach (Match m in ExampleBlock().Matches(readme))
        {
            var lines = m.Groups["block"].Value.Split('\n');
            var command = string.Join("\n", lines.TakeWhile(l => !l.StartsWith('#')));
            var comment = lines.SkipWhile(l => !l.StartsWith('#')).Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()).ToList();
            var method = Method().Match(command) is { Success: true } mm ? mm.Groups[1].Value : "GET";
            var url = Url().Match(command).Groups[1].Value;
            var body = Body().Match(command) is { Success: true } bm ? bm.Groups[1].Value : null;
            examples.Add(new Example(
                (HttpStatusCode)int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture),
                method, url, body, command.Contains("X-Api-Key", StringComparison.Ordinal), comment.Count == 0 ? null : string.Concat(comment)));
        }

        return examples;
    }

    private sealed record Example(HttpStatusCode Status, string Method, string Path, string? Body, bool SendsKey, string? Answer);

    /// <summary>
    /// Orleans' reports of a machine that paused (a work item or a lifecycle stage over a second, the thread pool
    /// stalled, the health score that follows), each a "warn:" line and its indented message, taken out. On a loaded
    /// two-core CI machine they come and go with the machine, not with the engine; everything else is kept.
    /// </summary>
    private static List<string> WithoutMachineStalls(IReadOnlyList<string> lines)
    {
        var kept = new List<string>(lines.Count);
        var skipping = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("warn:", StringComparison.Ordinal))
            {
                skipping = MachineStalls.Any(s => line.Contains(s, StringComparison.Ordinal));
            }
            else if (!line.StartsWith(' '))
            {
                skipping = false;
            }

            if (!skipping)
            {
                kept.Add(line);
            }
        }

        return kept;
    }

    [GeneratedRegex(@"<!-- example: (?<status>\d{3}) -->\s*```bash\n(?<block>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    [GeneratedRegex(@"-X (\w+)")]
    private static partial Regex Method();

    [GeneratedRegex(@"http://127\.0\.0\.1:5080(/[^\s""']*)")]
    private static partial Regex Url();

    [GeneratedRegex(@"-d '(.*?)'", RegexOptions.Singleline)]
    private static partial Regex Body();

    [GeneratedRegex(@"ApiKey: (?<key>\S+)")]
    private static partial Regex ApiKeyLine();
}
