using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace EcomOrleans.Silo.Tests;

/// <summary>
/// Runs the curl examples of README.md, in order, against the engine: each is preceded by
/// <c>&lt;!-- example: STATUS [exact body] --&gt;</c>, so the README cannot drift from the API.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed partial class ReadmeExamplesTests(EngineFactory engine)
{
    [Fact]
    public async Task ReadmeExamples_RunAgainstTheEngine_AnswerAsDocumented()
    {
        var examples = Parse(File.ReadAllText(Repository.PathOf("README.md")));
        var client = engine.CreateClient();

        Assert.True(examples.Count >= 8, $"Expected the README's examples, found {examples.Count}.");
        foreach (var example in examples)
        {
            using var request = new HttpRequestMessage(new HttpMethod(example.Method), example.Path);
            if (example.SendsKey)
            {
                request.Headers.Add("X-Api-Key", EngineFactory.ApiKey);
            }

            if (example.Body is not null)
            {
                request.Content = new StringContent(example.Body, Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(example.Status == response.StatusCode, $"{example.Method} {example.Path}: expected {example.Status}, got {(int)response.StatusCode} {body}");
            if (example.ExpectedBody is not null)
            {
                Assert.Equal(example.ExpectedBody, body);
            }
        }
    }

    private static List<Example> Parse(string readme)
    {
        var examples = new List<Example>();
        foreach (Match m in ExampleBlock().Matches(readme))
        {
            var command = m.Groups["command"].Value;
            var method = Method().Match(command) is { Success: true } mm ? mm.Groups[1].Value : "GET";
            var url = Url().Match(command).Groups[1].Value;
            var body = Body().Match(command) is { Success: true } bm ? bm.Groups[1].Value : null;
            var expected = m.Groups["body"].Success && m.Groups["body"].Value.Length > 0 ? m.Groups["body"].Value : null;
            examples.Add(new Example(
                (HttpStatusCode)int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture),
                expected, method, url, body, command.Contains("X-Api-Key", StringComparison.Ordinal)));
        }

        return examples;
    }

    private sealed record Example(HttpStatusCode Status, string? ExpectedBody, string Method, string Path, string? Body, bool SendsKey);

    [GeneratedRegex(@"<!-- example: (?<status>\d{3}) ?(?<body>[^\n]*?) -->\s*```bash\n(?<command>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    [GeneratedRegex(@"-X (\w+)")]
    private static partial Regex Method();

    [GeneratedRegex(@"http://127\.0\.0\.1:5080(/[^\s""']*)")]
    private static partial Regex Url();

    [GeneratedRegex(@"-d '(.*?)'", RegexOptions.Singleline)]
    private static partial Regex Body();
}
