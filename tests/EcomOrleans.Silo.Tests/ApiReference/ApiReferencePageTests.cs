using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using EcomOrleans.Silo.Tests.Storage;

namespace EcomOrleans.Silo.Tests.ApiReference;

/// <summary>The API reference page: served in Development only (unless asked for), and complete in a real browser, offline.</summary>
public sealed class ApiReferencePageTests
{
    [Fact]
    public async Task ReferencePage_OutsideDevelopment_IsNotServed_ButTheDocumentIs()
    {
        await using var engine = new EngineFactory(store: null, settings: new Dictionary<string, string> { ["environment"] = "Production" });
        var client = engine.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/scalar/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    /// <summary>
    /// Headless Chromium renders <c>/scalar/</c> from the engine in Development, on a machine without internet: the
    /// page's script comes from the engine, and every operation of the document is on the rendered page.
    /// </summary>
    [SkippableFact]
    [Trait("Category", "Browser")]
    public async Task ReferencePage_InABrowser_ShowsEveryOperation()
    {
        var chromium = FindChromium();
        Skip.If(chromium is null, "Chromium is not installed (apt-get install chromium); .ci/run installs it.");
        using var silo = SiloProcess.Start(store: null, $"test-{Guid.NewGuid():N}", new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        var document = JsonNode.Parse(await silo.Client.GetStringAsync("/openapi/v1.json"))!;
        var page = await silo.Client.GetStringAsync("/scalar/");
        var output = Directory.CreateTempSubdirectory("api-reference-");
        try
        {
            var url = new Uri(silo.Client.BaseAddress!, "/scalar/").ToString();
            var dom = await RunAsync(chromium!, output.FullName, "--dump-dom", url);
            await RunAsync(chromium!, output.FullName, "--hide-scrollbars", "--window-size=1400,1000", $"--screenshot={Path.Combine(output.FullName, "api-reference.png")}", url);

            // Nothing of the page comes from elsewhere: its script is the bundle in Scalar.AspNetCore.
            Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
            Assert.Contains("<script src=\"scalar.js\"></script>", page, StringComparison.Ordinal);
            var rendered = WebUtility.HtmlDecode(dom);
            var operations = document["paths"]!.AsObject()
                .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Summary: (string)op.Value!["summary"]!)))
                .ToList();
            Assert.Equal(17, operations.Count);
            Assert.All(operations, op => Assert.True(rendered.Contains(op.Summary, StringComparison.Ordinal), $"'{op.Summary}' is not on the page."));
            Assert.All(operations, op => Assert.True(rendered.Contains(op.Path, StringComparison.Ordinal), $"'{op.Path}' is not on the page."));
            Assert.True(new FileInfo(Path.Combine(output.FullName, "api-reference.png")).Length > 10_000, "The screenshot is (nearly) empty.");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static string? FindChromium() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// Chromium headless, as root (no sandbox), with its own profile in <paramref name="workDir"/>; it runs the page's
    /// scripts for up to 15 s of virtual time (it stops sooner once the page is idle) and exits, within 60 s.
    /// </summary>
    private static async Task<string> RunAsync(string chromium, string workDir, params string[] arguments)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDir,
        };
        foreach (var argument in (string[])["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={Path.Combine(workDir, "profile")}", "--virtual-time-budget=15000", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var browser = Process.Start(start)!;
        var stdout = browser.StandardOutput.ReadToEndAsync();
        var stderr = browser.StandardError.ReadToEndAsync();
        try
        {
            await browser.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!browser.HasExited)
            {
                browser.Kill(entireProcessTree: true);
            }
        }

        Assert.True(browser.ExitCode == 0, $"chromium exited with {browser.ExitCode}: {await stderr}");
        return await stdout;
    }
}
