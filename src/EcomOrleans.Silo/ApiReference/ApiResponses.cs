namespace EcomOrleans.Silo.ApiReference;

/// <summary>
/// What each error status of the API means, as the OpenAPI document says it: one wording for every endpoint that
/// answers it, next to the code that does (the API key filter, admission control, the engine's exception handler).
/// </summary>
internal static class ApiResponses
{
    public const string BadRequest = "The request was rejected: a validation problem names each bad field or parameter.";

    public const string Unauthorized = "No X-Api-Key header, or a key the engine does not know.";

    public const string Forbidden = "The key is known but lacks the role this endpoint needs.";

    public const string NotFound = "Not there: the problem's detail says what is missing.";

    public const string PayloadTooLarge = "The body is larger than this endpoint takes; nothing of it was read.";

    public const string UnsupportedMediaType = "The body was not sent as JSON (Content-Type: application/json).";

    public const string TooManyRequests =
        "Over the caller's rate, or the silo's queue for this group is full. Retry-After says when to retry; nothing of the request was acknowledged.";

    public const string ServiceUnavailable =
        "The cluster or its storage did not answer in time (Retry-After: 1). Nothing of the request was acknowledged; retrying it is safe.";
}
