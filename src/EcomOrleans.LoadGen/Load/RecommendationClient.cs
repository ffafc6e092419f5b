using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using EcomOrleans.LoadGen.Http;

namespace EcomOrleans.LoadGen.Load;

/// <summary>
/// <c>GET /api/users/{userId}/recommendations?count=</c> without retries: under load a failure is a result to count,
/// not something to hide. Thread-safe; one instance serves every request of a run.
/// </summary>
public sealed class RecommendationClient(HttpClient http, int count)
{
    private readonly string _query = string.Create(CultureInfo.InvariantCulture, $"/recommendations?count={count}");

    public async Task<RecommendationProbe> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var uri = new Uri("api/users/" + Uri.EscapeDataString(userId) + _query, UriKind.Relative);
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return new RecommendationProbe(status, false, []);
            }

            var body = await response.Content.ReadFromJsonAsync(WireJsonContext.Default.RecommendationBody, cancellationToken).ConfigureAwait(false);
            return body is null
                ? new RecommendationProbe(status, false, [])
                : new RecommendationProbe(status, body.ModelVersion != RecommendationBody.NoModel, [.. body.Items.Select(i => i.Sku)]);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            // Refused, reset, timed out (HttpClient.Timeout) or a body cut short: no usable answer.
            return RecommendationProbe.NoResponse;
        }
    }
}
