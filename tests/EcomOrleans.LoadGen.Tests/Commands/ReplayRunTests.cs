using EcomOrleans.LoadGen.Commands;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Reporting;
using EcomOrleans.LoadGen.Tests.Support;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Tests.Commands;

public sealed class ReplayRunTests
{
    private static readonly ReplayScript Script = DatasetRegistry.Get("otto").Load(TestData.Fixtures, new ScriptOptions(42, TestData.Now));

    private readonly StubEngine _engine = new();

    [Fact]
    public async Task ExecuteAsync_Script_PutsTheWholeCatalogBeforeTheFirstEvent()
    {
        var report = await ExecuteAsync(skipCatalog: false);

        var firstPost = _engine.Requests.FindIndex(r => r.Method == HttpMethod.Post);
        Assert.Equal(Script.Catalog.Count, firstPost); // every PUT, then the POSTs
        Assert.All(_engine.Requests.Skip(firstPost), r => Assert.Equal(HttpMethod.Post, r.Method));
        Assert.Equal((Script.Catalog.Count, Script.Events.Length), (report.Catalog.Items, report.Events.Items));
    }

    [Fact]
    public async Task ExecuteAsync_SkipCatalog_OnlyPostsEvents()
    {
        var report = await ExecuteAsync(skipCatalog: true);

        Assert.All(_engine.Requests, r => Assert.Equal(HttpMethod.Post, r.Method));
        Assert.Equal((0L, (long)Script.Events.Length), (report.Catalog.Requests, report.Events.Accepted));
    }

    private Task<ReplayReport> ExecuteAsync(bool skipCatalog)
    {
        var client = _engine.CreateEngineClient();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null), Ansi = AnsiSupport.No });
        return ReplayRun.ExecuteAsync(
            Script, client, client, new ReplaySettings(BatchSize: 5, Concurrency: 2), skipCatalog, TimeProvider.System, console, CancellationToken.None);
    }
}
