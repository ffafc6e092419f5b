using System.Diagnostics;
using EcomOrleans.Events;
using EcomOrleans.Users;

namespace EcomOrleans.Silo.Ingestion;

/// <summary>Routes a validated batch to its user grains and sums what they made durable.</summary>
public sealed class EventIngestor(IGrainFactory grains)
{
    /// <summary>Returns once every event of the batch is durable (or throws, acknowledging nothing).</summary>
    public async Task<IngestResult> IngestAsync(IReadOnlyList<BehaviorEvent> events)
    {
        var started = Stopwatch.GetTimestamp();
        var perUser = events
            .GroupBy(e => e.UserId, StringComparer.Ordinal)
            .Select(g => grains.Reference<IUserGrain>(g.Key).RecordEventsAsync(g.ToList()));
        IngestResult[] results;
        try
        {
            results = await Task.WhenAll(perUser);
        }
        catch
        {
            IngestionInstruments.RecordRejected(IngestRejection.Unavailable);
            throw;
        }

        var total = results.Aggregate(IngestResult.Empty, (sum, r) => sum.Add(r));

        foreach (var byKind in events.CountBy(e => e.Kind))
        {
            IngestionInstruments.Events.Add(byKind.Value, new KeyValuePair<string, object?>(IngestionInstruments.KindTag, EventKinds.WireName(byKind.Key)));
        }

        IngestionInstruments.Duplicates.Add(total.Duplicates);
        IngestionInstruments.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return total;
    }
}
