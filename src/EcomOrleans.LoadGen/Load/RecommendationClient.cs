using System.Net;
using System.Text.Json;
using EcomOrleans.Client;
using EcomOrleans.Client.Models;

namespace EcomOrleans.LoadGen.Load;

/// <summary>
/// <c>GET /api/users/{userId}/recommendations?count=</c> as a probe: every answer, a failure included, becomes a
/// <see cref="RecommendationProbe"/>. Give it a client without retries (<see cref="EcomOrleansClientOptions.MaxRetries"/>
/// 0): under load a failure is a result to count, not something to hide. Thread-safe; one instance serves a run.
/// </summary>
public sealed class RecommendationClient(IEcomOrleansClient client, int count)
{
    public async Task<RecommendationProbe> GetAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var recs = await client.GetRecommendationsAsync(userId, count, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new RecommendationProbe((int)HttpStatusCode.OK, recs.ModelVersion != RecommendationResponse.NoModel, [.. recs.Items.Select(i => i.Sku)]);
        }
        catch (EcomOrleansApiException e)
        {
            return new RecommendationProbe((int)e.StatusCode, false, []);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            // Refused, reset, timed out or a body cut short: no usable answer.
            return RecommendationProbe.NoResponse;
        }
    }
}
