namespace EcomOrleans.LoadGen.Http;

/// <summary>
/// Sits under the client's retries, so it sees every attempt: counts each in the current <see cref="AttemptLog"/> and
/// times those that were answered (a refused connection or a timed-out attempt has no latency to record).
/// </summary>
internal sealed class AttemptRecorder(TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var log = AttemptLog.Current;
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            log?.Answered((int)response.StatusCode, time.GetElapsedTime(started));
            return response;
        }
        catch when (log is not null)
        {
            log.Unanswered();
            throw;
        }
    }
}
