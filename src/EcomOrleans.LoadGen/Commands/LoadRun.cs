using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Load;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Reporting;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>A load test: a check that the engine answers and takes the key, one step per rate behind a progress bar, then the freshness check.</summary>
internal static class LoadRun
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);

    /// <exception cref="EngineUnreachableException">The engine did not answer the first request.</exception>
    /// <exception cref="ApiKeyRejectedException">The engine rejected the API key.</exception>
    public static async Task<LoadReport> ExecuteAsync(
        RecommendationClient recommendations,
        IEventSink events,
        Uri engineUrl,
        IReadOnlyList<string> users,
        LoadOptions options,
        TimeProvider time,
        IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(users.Count);
        await CheckEngineAsync(recommendations, events, engineUrl, users[0], cancellationToken).ConfigureAwait(false);

        var runner = new LoadRunner((i, ct) => recommendations.GetAsync(users[i % users.Count], ct), time);
        var results = new List<RateResult>(options.Rates.Count);
        foreach (var rate in options.Rates)
        {
            var tally = new RateTally();
            var label = rate > 0 ? $"{rate:N0}/s" : $"closed x{options.Concurrency}";
            var elapsed = await WithProgressAsync(
                console, time, label, options.Duration, tally,
                () => rate > 0
                    ? runner.RunOpenLoopAsync(new OpenLoopSchedule(rate, options.Duration), tally.Record, cancellationToken)
                    : runner.RunClosedLoopAsync(options.Concurrency, options.Duration, tally.Record, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            results.Add(tally.ToResult(rate, elapsed));
        }

        var freshness = await new FreshnessCheck(recommendations, events, time)
            .RunAsync([.. users.Take(options.FreshnessUsers)], cancellationToken).ConfigureAwait(false);
        return new LoadReport(options.Dataset, users.Count, options.Count, options.Concurrency, results, freshness);
    }

    private static async Task CheckEngineAsync(
        RecommendationClient recommendations, IEventSink events, Uri engineUrl, string user, CancellationToken cancellationToken)
    {
        if ((await recommendations.GetAsync(user, cancellationToken).ConfigureAwait(false)).Status == RequestOutcome.NoResponse)
        {
            throw new EngineUnreachableException(engineUrl, 1);
        }

        // An empty batch changes nothing: the key filter answers 401 before validation answers 400. Reads take no key,
        // so without this a wrong key would only show at the freshness check, after the whole run.
        await events.PostEventsAsync(ReadOnlyMemory<Datasets.ReplayEvent>.Empty, new LatencyHistogram(), cancellationToken).ConfigureAwait(false);
    }

    private static Task<TimeSpan> WithProgressAsync(
        IAnsiConsole console,
        TimeProvider time,
        string label,
        TimeSpan duration,
        RateTally tally,
        Func<Task<TimeSpan>> run,
        CancellationToken cancellationToken) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: Math.Max(1, duration.TotalSeconds));
                var started = time.GetTimestamp();
                var work = run();
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(RefreshEvery, time, cancellationToken)).ConfigureAwait(false);
                    Update(task, label, tally, time.GetElapsedTime(started));
                }

                Update(task, label, tally, time.GetElapsedTime(started));
                task.Value = task.MaxValue;
                task.StopTask();
                return await work.ConfigureAwait(false);
            });

    private static void Update(ProgressTask task, string label, RateTally tally, TimeSpan elapsed)
    {
        var requests = tally.Requests;
        var errors = tally.Errors;
        var perSecond = elapsed > TimeSpan.Zero ? requests / elapsed.TotalSeconds : 0;
        task.Value = Math.Min(task.MaxValue, elapsed.TotalSeconds);
        task.Description = errors == 0
            ? $"{label}: {requests:N0} ({perSecond:N0}/s)"
            : $"{label}: {requests:N0} ({perSecond:N0}/s, [red]{errors:N0} failed[/])";
    }
}
