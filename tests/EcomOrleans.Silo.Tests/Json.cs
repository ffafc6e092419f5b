using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcomOrleans.Silo.Tests;

internal static class Json
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Web))!;

    /// <summary>The <c>errors</c> of a validation problem as field to messages.</summary>
    public static async Task<Dictionary<string, string[]>> ReadErrorsAsync(this HttpResponseMessage response)
    {
        var body = await response.ReadObjectAsync();
        return body["errors"]!.Deserialize<Dictionary<string, string[]>>(Web)!;
    }

    public static object Event(
        string eventId, string userId, string kind, DateTimeOffset at, string? sku = "sku-1",
        int? quantity = null, decimal? price = null, string? query = null, string sessionId = "s-1", string? recommendationId = null) =>
        new { eventId, userId, sessionId, kind, sku, query, quantity, price, timestamp = at.ToString("O"), recommendationId };

    public static object Batch(params object[] events) => new { events };
}
