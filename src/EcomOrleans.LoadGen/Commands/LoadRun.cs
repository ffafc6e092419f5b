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
        (IntentClient Client, IReadOnlyList<string> Messages)? bot,
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
        var botRunner = bot is { } b
            ? new LoadRunner((i, ct) => b.Client.PostAsync(users[(i * 7) % users.Count], b.Messages[i % b.Messages.Count], ct), time)
            : null;
        // One step: open loop at rate, or closed loop with the configured workers for rate 0.
        Task<TimeSpan> RunStep(double rate, TimeSpan duration, RateTally tally) => rate > 0
            ? runner.RunOpenLoopAsync(new OpenLoopSchedule(rate, duration), tally.Record, cancellationToken)
            : runner.RunClosedLoopAsync(options.Concurrency, duration, tally.Record, cancellationToken);

        if (options.Warmup > TimeSpan.Zero)
        {
            var discarded = new RateTally();
            await WithProgressAsync(
                console, time, "warm-up", options.Warmup, discarded, () => RunStep(options.Rates[0], options.Warmup, discarded), cancellationToken)
                .ConfigureAwait(false);
        }

        using var samples = options.SamplesFile is { } path ? new StreamWriter(path) : null;
        samples?.WriteLine(RequestSampleCsv.Header);
        var results = new List<RateResult>(options.Rates.Count);
        var intents = new List<RateResult>(options.Rates.Count);
        foreach (var rate in options.Rates)
        {
            var tally = new RateTally(keepSamples: samples is not null);
            var botTally = new RateTally();
            var label = rate > 0 ? $"{rate:N0}/s" : $"closed x{options.Concurrency}";
            if (botRunner is not null)
            {
                label += $" + bot {options.IntentRate:N0}/s";
            }

            // The bot's messages go to the same silo at the same time, open loop, for as long as the step.
            var botElapsed = Task.FromResult(TimeSpan.Zero);
            var elapsed = await WithProgressAsync(
                console, time, label, options.Duration, tally,
                () =>
                {
                    if (botRunner is not null)
                    {
                        botElapsed = botRunner.RunOpenLoopAsync(new OpenLoopSchedule(options.IntentRate, options.Duration), botTally.Record, cancellationToken);
                    }

                    return RunStep(rate, options.Duration, tally);
                },
                cancellationToken).ConfigureAwait(false);
            results.Add(tally.ToResult(rate, elapsed));
            if (samples is not null)
            {
                RequestSampleCsv.Write(samples, results.Count, rate, tally.Samples());
            }

            if (botRunner is not null)
            {
                intents.Add(botTally.ToResult(options.IntentRate, await botElapsed.ConfigureAwait(false)));
            }
        }

        var freshness = await new FreshnessCheck(recommendations, events, time)
            .RunAsync([.. users.Take(options.FreshnessUsers)], cancellationToken).ConfigureAwait(false);
        return new LoadReport(options.Dataset, users.Count, options.Count, options.Concurrency, results, freshness) { Intent = intents };
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
