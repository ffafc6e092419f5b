using EcomOrleans.LoadGen.Datasets;

namespace EcomOrleans.LoadGen.Replay;

/// <summary>PUTs every SKU of a script's catalog, <c>concurrency</c> at a time, before any event refers to them.</summary>
public sealed class CatalogUploader(ICatalogSink sink, TimeProvider time)
{
    public async Task<PhaseResult> RunAsync(
        IReadOnlyList<SkuDefinition> catalog, int concurrency, ReplayProgress progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var tallies = Enumerable.Range(0, concurrency).Select(_ => new PhaseTally()).ToArray();
        var started = time.GetTimestamp();
        await Senders.RunAsync(
            concurrency,
            async (lane, ct) =>
            {
                for (var i = lane; i < catalog.Count; i += concurrency)
                {
                    var outcome = await sink.PutSkuAsync(catalog[i], tallies[lane].Latency, ct).ConfigureAwait(false);
                    tallies[lane].Add(outcome, 1);
                    progress.Report(1, outcome.Succeeded);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return PhaseTally.Combine(tallies, time.GetElapsedTime(started));
    }
}
