using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Reporting;
using EcomOrleans.Recommendations;
using EcomOrleans.Users;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>Asks replayed users for recommendations straight from their grains and says what each cost in grain calls and time.</summary>
internal static class RecommendationCalls
{
    /// <summary>Types listed by <c>--allocation-types</c>.</summary>
    private const int AllocationTypesShown = 30;

    public static async Task MeasureAsync(
        InProcessSilo silo, ReplayScript script, int count, int seed, bool allocationTypes, TimeProvider time, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var users = script.Events.Select(e => e.UserId).Distinct(StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        var sample = Enumerable.Range(0, count).Select(_ => users[random.Next(users.Count)]).ToList();

        // Let the replay's background embedding refreshes finish, so they are not counted as the requests'.
        await Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken).ConfigureAwait(false);
        var latency = new LatencyHistogram();
        var before = silo.GrainCalls.Calls;
        var beforeByMethod = silo.GrainCalls.ByMethod();
        var personalized = 0;
        foreach (var user in sample)
        {
            var started = time.GetTimestamp();
            var recommendation = await silo.Grains.Reference<IUserGrain>(user).RecommendAsync(new RecommendationRequest(10, null, null)).ConfigureAwait(false);
            latency.Record(time.GetElapsedTime(started));
            personalized += recommendation.Items.Any(i => i.Reason == RecommendationReasons.Personalized) ? 1 : 0;
        }

        var calls = silo.GrainCalls.Calls - before;
        console.MarkupLineInterpolated(
            $"[grey]recommendations: {count:N0} (one at a time), {(double)calls / count:N2} grain calls each, p50 {latency.PercentileMs(50):N2} ms, p99 {latency.PercentileMs(99):N2} ms, {personalized:N0} personalized[/]");
        foreach (var (method, n) in GrainCallCounter.Difference(beforeByMethod, silo.GrainCalls.ByMethod()).Take(8))
        {
            console.MarkupLineInterpolated($"[grey]  {method}: {(double)n / count:N2} each[/]");
        }

        // The same users again, their embeddings now fresh (as a storefront's steady state): managed bytes allocated per
        // request, and with allocationTypes what types they went to (sampled, so the sampling runs only then).
        using var sampler = allocationTypes ? new AllocationSampler() : null;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        foreach (var user in sample)
        {
            await silo.Grains.Reference<IUserGrain>(user).RecommendAsync(new RecommendationRequest(10, null, null)).ConfigureAwait(false);
        }

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        console.MarkupLineInterpolated($"[grey]recommendations again (embeddings fresh): {allocated / (double)count:N0} bytes allocated each[/]");
        foreach (var (type, bytes) in sampler?.ByType().Take(AllocationTypesShown) ?? [])
        {
            console.MarkupLineInterpolated($"[grey]  {bytes / (double)count,8:N0} B  {type}[/]");
        }
    }
}
