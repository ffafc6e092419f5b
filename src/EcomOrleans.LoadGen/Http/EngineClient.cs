using EcomOrleans.Client;
using EcomOrleans.Client.Models;
using EcomOrleans.Events;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Reporting;

namespace EcomOrleans.LoadGen.Http;

/// <summary>
/// The engine's write API as the load generator uses it: <see cref="EcomOrleansClient"/> with its retries of transient
/// failures, every attempt counted and timed. Thread-safe; one instance serves every sender of a run. A request that
/// gets no answer through all its retries throws <see cref="EngineUnreachableException"/>; a 401 or 403 throws
/// <see cref="ApiKeyRejectedException"/>; any other failure is returned as its status.
/// </summary>
public sealed class EngineClient : IEventSink, ICatalogSink, IDisposable
{
    private readonly EcomOrleansClient _client;
    private readonly Uri? _engine;
    private readonly TimeProvider _time;

    /// <param name="transport">What sends each attempt; the client disposes it.</param>
    /// <param name="time">Times each attempt and the retry delays.</param>
    public EngineClient(EcomOrleansClientOptions options, HttpMessageHandler transport, TimeProvider time)
    {
        _client = EcomOrleansClient.Create(options, new AttemptRecorder(time) { InnerHandler = transport }, time);
        _engine = options.BaseAddress;
        _time = time;
    }

    /// <summary>
    /// Stamps every event with the time it is sent, as a live storefront's would be, instead of the data set's
    /// timeline (which a replay compresses: a month of history in minutes).
    /// </summary>
    public bool StampOnSend { get; init; }

    /// <summary><c>PUT /api/skus/{sku}</c>.</summary>
    public Task<RequestOutcome> PutSkuAsync(SkuDefinition sku, LatencyHistogram latency, CancellationToken cancellationToken)
    {
        var facts = new SkuRequest(sku.Title, sku.Category, sku.Brand, sku.Price, sku.Cost, sku.Stock, sku.LeadTimeDays);
        return SendAsync(async () => { await _client.PutSkuAsync(sku.Sku, facts, cancellationToken).ConfigureAwait(false); return null; }, latency, cancellationToken);
    }

    /// <summary><c>POST /api/events</c> with up to <see cref="EcomOrleansClient.MaxEventsPerBatch"/> events.</summary>
    public Task<RequestOutcome> PostEventsAsync(ReadOnlyMemory<ReplayEvent> events, LatencyHistogram latency, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events.Length, EcomOrleansClient.MaxEventsPerBatch);
        var batch = new ShopperEvent[events.Length];
        var span = events.Span;
        var now = _time.GetUtcNow();
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = StampOnSend ? ToShopperEvent(span[i]) with { Timestamp = now } : ToShopperEvent(span[i]);
        }

        return SendAsync(async () => await _client.PostEventsAsync(batch, cancellationToken).ConfigureAwait(false), latency, cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>A replayed event as the client sends it; the quantity always goes along, as the data sets record it.</summary>
    internal static ShopperEvent ToShopperEvent(ReplayEvent e) =>
        new(e.EventId, e.UserId, e.SessionId, ToShopperKind(e.Kind), e.Sku, Query: null, e.Quantity, e.Price, e.Timestamp);

    internal static ShopperEventKind ToShopperKind(EventKind kind) => kind switch
    {
        EventKind.View => ShopperEventKind.View,
        EventKind.Click => ShopperEventKind.Click,
        EventKind.Search => ShopperEventKind.Search,
        EventKind.AddToCart => ShopperEventKind.AddToCart,
        EventKind.RemoveFromCart => ShopperEventKind.RemoveFromCart,
        EventKind.Purchase => ShopperEventKind.Purchase,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an event kind."),
    };

    private async Task<RequestOutcome> SendAsync(Func<Task<IngestResponse?>> send, LatencyHistogram latency, CancellationToken cancellationToken)
    {
        var log = new AttemptLog(latency);
        AttemptLog.Current = log; // flows into this call only: an async method restores its caller's value on return
        try
        {
            var ingest = await send().ConfigureAwait(false);
            return new RequestOutcome(log.LastStatus, log.Attempts, ingest);
        }
        catch (EcomOrleansApiException e) when (e.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
        {
            throw new ApiKeyRejectedException((int)e.StatusCode);
        }
        catch (EcomOrleansApiException e)
        {
            return new RequestOutcome((int)e.StatusCode, log.Attempts, null);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // Refused, reset, unreachable or timed out on every attempt: the engine is down, not restarting.
            throw new EngineUnreachableException(_engine, log.Attempts);
        }
    }
}
