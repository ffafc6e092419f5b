using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Reporting;

namespace EcomOrleans.LoadGen.Http;

/// <summary>
/// The engine's write API as the load generator uses it, with bounded retries of transient failures.
/// Thread-safe; one instance serves every sender of a run. A request that gets no answer through all its
/// retries throws <see cref="EngineUnreachableException"/>; a 401 or 403 throws <see cref="ApiKeyRejectedException"/>.
/// </summary>
public sealed class EngineClient(HttpClient http, RetryOptions retry, TimeProvider time) : IEventSink, ICatalogSink
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary><c>PUT /api/skus/{sku}</c>.</summary>
    public Task<RequestOutcome> PutSkuAsync(SkuDefinition sku, LatencyHistogram latency, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(SkuBody.From(sku), WireJsonContext.Default.SkuBody);
        var uri = new Uri("api/skus/" + Uri.EscapeDataString(sku.Sku), UriKind.Relative);
        return SendAsync(HttpMethod.Put, uri, body, readIngest: false, latency, cancellationToken);
    }

    /// <summary><c>POST /api/events</c> with up to <see cref="EventBatch.MaxEvents"/> events.</summary>
    public Task<RequestOutcome> PostEventsAsync(ReadOnlyMemory<ReplayEvent> events, LatencyHistogram latency, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events.Length, EventBatch.MaxEvents);
        var body = JsonSerializer.SerializeToUtf8Bytes(new EventBatch(events), WireJsonContext.Default.EventBatch);
        return SendAsync(HttpMethod.Post, new Uri("api/events", UriKind.Relative), body, readIngest: true, latency, cancellationToken);
    }

    private async Task<RequestOutcome> SendAsync(
        HttpMethod method, Uri uri, byte[] body, bool readIngest, LatencyHistogram latency, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var status = RequestOutcome.NoResponse;
            TimeSpan? retryAfter = null;
            using (var request = new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(body) })
            {
                request.Content.Headers.ContentType = Json;
                var started = time.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    latency.Record(time.GetElapsedTime(started));
                    status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        var ingest = readIngest
                            ? await response.Content.ReadFromJsonAsync(WireJsonContext.Default.IngestResult, cancellationToken).ConfigureAwait(false)
                            : null;
                        return new RequestOutcome(status, attempt, ingest);
                    }

                    if (status is 401 or 403)
                    {
                        throw new ApiKeyRejectedException(status);
                    }

                    retryAfter = response.Headers.RetryAfter?.Delta;
                }
                catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Refused, reset or unreachable: the engine may be restarting.
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // HttpClient.Timeout elapsed for this attempt.
                }
            }

            if (status == RequestOutcome.NoResponse && attempt >= retry.MaxAttempts)
            {
                throw new EngineUnreachableException(http.BaseAddress, attempt);
            }

            if (!RetryOptions.IsTransient(status) || attempt >= retry.MaxAttempts)
            {
                return new RequestOutcome(status, attempt, null);
            }

            await Task.Delay(retry.DelayAfter(attempt, retryAfter), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
