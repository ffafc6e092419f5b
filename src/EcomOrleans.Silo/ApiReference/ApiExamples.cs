using EcomOrleans.Silo.Security;

namespace EcomOrleans.Silo.ApiReference;

/// <summary>
/// The examples of the OpenAPI document: the request bodies are README.md's, and a test posts them to the engine, so
/// they stay true; the answers are what the engine answered them.
/// </summary>
internal static class ApiExamples
{
    public const string EventBatch = """
        {"events":[
          {"eventId":"e-1001","userId":"u-42","sessionId":"s-9","kind":"search","query":"matte lipstick"},
          {"eventId":"e-1002","userId":"u-42","sessionId":"s-9","kind":"view","sku":"beauty-17"},
          {"eventId":"e-1003","userId":"u-42","sessionId":"s-9","kind":"purchase","sku":"beauty-17","quantity":2,"price":12.50}]}
        """;

    public const string Accepted = """{"accepted":3,"duplicates":0}""";

    public const string RejectedBatch = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The batch was rejected; no event of it was accepted","status":400,
         "errors":{"events[0].sku":["'sku' is required for purchase events."],"events[0].quantity":["'quantity' is required for purchase events."]},
         "traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
        """;

    public const string Sku = """{"title":"Matte Lipstick","category":"makeup","brand":"acme","price":12.50,"cost":6.10,"stock":40,"leadTimeDays":7}""";

    public const string SkuAnswer = """
        {"sku":"beauty-17","title":"Matte Lipstick","category":"makeup","brand":"acme","price":12.50,"cost":6.10,"stock":40,"leadTimeDays":7,
         "inStock":true,"lostUnits":0,"totals":{"views":0,"clicks":0,"carts":0,"purchases":0,"units":0,"revenue":0,"outOfStockViews":0},
         "updatedAt":"2026-11-20T10:30:00+00:00","oversoldUnits":0}
        """;

    public const string IntentMessage = """{"message":"I want a refund for the lipstick, it arrived broken"}""";

    public const string Recommendation = """
        {"recommendationId":"rec-3f0c2a9e","modelVersion":"1","items":[
          {"sku":"beauty-212","score":4.81,"reason":"personalized"},{"sku":"beauty-17","score":2.5,"reason":"session_co_view"}]}
        """;

    public const string TooManyRequests = """
        {"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too many requests","status":429,
         "detail":"The engine is taking all the requests it can, from this caller or in total; retry after 1 s. Nothing of this request was acknowledged.",
         "traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
        """;

    public const string ServiceUnavailable = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.6.4","title":"The engine is temporarily unavailable","status":503,
         "detail":"The cluster or its storage did not answer in time. Nothing of this request was acknowledged; retrying it is safe.",
         "traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
        """;

    public static string Unauthorized(string role) => $$"""
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Missing or wrong API key","status":401,
         "detail":"Send a key with the '{{role}}' role in the X-Api-Key header.","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
        """;

    public static string Forbidden(string role) => $$"""
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.4","title":"This key may not do that","status":403,
         "detail":"The key 'storefront' has the roles {{(role == ApiRoles.Read ? ApiRoles.Ingest : ApiRoles.Read)}}; this needs '{{role}}'.","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
        """;
}
