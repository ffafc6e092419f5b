using EcomOrleans.Client.Models;
using EcomOrleans.Events;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Reporting;
using EcomOrleans.Skus;
using EcomOrleans.Users;
using GrainIngestResult = EcomOrleans.Events.IngestResult;

namespace EcomOrleans.LoadGen.Replay;

/// <summary>
/// Sends a replay straight into the grains of a silo in this process: what the engine's <c>EventIngestor</c> and SKU API
/// do once a request is validated, minus HTTP. A batch becomes <see cref="BehaviorEvent"/>s, grouped by user, and every
/// user's <see cref="IUserGrain.RecordEventsAsync"/> runs in parallel; the batch is answered when all are durable.
/// </summary>
public sealed class GrainSink(IGrainFactory grains, TimeProvider time) : IEventSink, ICatalogSink
{
    /// <summary>The status a batch reports when every user grain took its events, as <c>POST /api/events</c> answers.</summary>
    public const int Accepted = 202;

    /// <summary>The status a SKU reports when its grain took the catalog facts, as <c>PUT /api/skus/{sku}</c> answers.</summary>
    public const int Ok = 200;

    public async Task<RequestOutcome> PostEventsAsync(ReadOnlyMemory<ReplayEvent> events, LatencyHistogram latency, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var batch = ToBehaviorEvents(events.Span);
        var started = time.GetTimestamp();
        try
        {
            var results = await Task.WhenAll(
                batch.GroupBy(e => e.UserId, StringComparer.Ordinal)
                    .Select(user => grains.Reference<IUserGrain>(user.Key).RecordEventsAsync(user.ToList()))).ConfigureAwait(false);
            latency.Record(time.GetElapsedTime(started));
            var total = results.Aggregate(GrainIngestResult.Empty, (sum, r) => sum.Add(r));
            return new RequestOutcome(Accepted, 1, new IngestResponse(total.Accepted, total.Duplicates));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            latency.Record(time.GetElapsedTime(started));
            return new RequestOutcome(StatusOf(e), 1, null);
        }
    }

    public async Task<RequestOutcome> PutSkuAsync(SkuDefinition sku, LatencyHistogram latency, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var catalog = new SkuCatalog(sku.Title, sku.Category, sku.Brand, sku.Price, sku.Cost, sku.Stock, sku.LeadTimeDays);
        var started = time.GetTimestamp();
        try
        {
            await grains.Reference<ISkuGrain>(sku.Sku).UpsertCatalogAsync(catalog).ConfigureAwait(false);
            latency.Record(time.GetElapsedTime(started));
            return new RequestOutcome(Ok, 1, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            latency.Record(time.GetElapsedTime(started));
            return new RequestOutcome(StatusOf(e), 1, null);
        }
    }

    /// <summary>The events as the engine's validator hands them to the grains.</summary>
    public static List<BehaviorEvent> ToBehaviorEvents(ReadOnlySpan<ReplayEvent> events)
    {
        var converted = new List<BehaviorEvent>(events.Length);
        foreach (var e in events)
        {
            converted.Add(new BehaviorEvent(e.EventId, e.UserId, e.SessionId, e.Kind, e.Sku, null, e.Quantity, e.Price, e.Timestamp));
        }

        return converted;
    }

    /// <summary>What the engine would answer for this failure: 503 when the cluster or storage did not answer, else 500.</summary>
    private static int StatusOf(Exception e) => e switch
    {
        TimeoutException or OrleansException => 503,
        AggregateException { InnerExceptions: [var inner, ..] } => StatusOf(inner),
        _ => 500,
    };
}
