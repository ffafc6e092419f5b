using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Reporting;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>The two phases of a replay, catalog then events, each behind a progress bar; over HTTP or straight into the grains.</summary>
internal static class ReplayRun
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);

    public static async Task<ReplayReport> ExecuteAsync(
        ReplayScript script,
        ICatalogSink catalogSink,
        IEventSink eventSink,
        ReplaySettings settings,
        bool skipCatalog,
        TimeProvider time,
        IAnsiConsole console,
        CancellationToken cancellationToken,
        Func<Task>? afterCatalog = null)
    {
        var skipped = PhaseTally.Combine([], TimeSpan.Zero);
        var catalog = skipCatalog
            ? skipped
            : await WithProgressAsync(
                console, time, "SKUs", script.Catalog.Count,
                progress => new CatalogUploader(catalogSink, time).RunAsync(script.Catalog, settings.Concurrency, progress, cancellationToken),
                cancellationToken).ConfigureAwait(false);
        if (afterCatalog is not null)
        {
            await afterCatalog().ConfigureAwait(false);
        }

        var events = await WithProgressAsync(
            console, time, "events", script.Events.Length,
            progress => new EventReplayer(eventSink, time).RunAsync(script.Events, settings, progress, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return new ReplayReport(script.Dataset, settings, catalog, events);
    }

    private static Task<PhaseResult> WithProgressAsync(
        IAnsiConsole console,
        TimeProvider time,
        string what,
        int total,
        Func<ReplayProgress, Task<PhaseResult>> run,
        CancellationToken cancellationToken) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(what, maxValue: Math.Max(1, total));
                var progress = new ReplayProgress();
                var started = time.GetTimestamp();
                var work = run(progress);
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(RefreshEvery, time, cancellationToken)).ConfigureAwait(false);
                    Update(task, what, progress, time.GetElapsedTime(started));
                }

                Update(task, what, progress, time.GetElapsedTime(started));
                task.StopTask();
                return await work.ConfigureAwait(false);
            });

    private static void Update(ProgressTask task, string what, ReplayProgress progress, TimeSpan elapsed)
    {
        var done = progress.Done + progress.Failed;
        var perSecond = elapsed > TimeSpan.Zero ? progress.Done / elapsed.TotalSeconds : 0;
        task.Value = done;
        task.Description = progress.Failed == 0
            ? $"{what} {progress.Done:N0} ({perSecond:N0}/s)"
            : $"{what} {progress.Done:N0} ({perSecond:N0}/s, [red]{progress.Failed:N0} failed[/])";
    }
}
