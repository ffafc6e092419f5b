namespace EcomOrleans.Silo.Ingestion;

/// <summary>The body of <c>POST /api/events</c>.</summary>
public sealed record EventBatchRequest(IReadOnlyList<EventRequest?>? Events);

/// <summary>
/// An event as a client sends it. Every field is optional here so that validation can name each
/// missing or malformed one instead of failing the whole body.
/// </summary>
public sealed record EventRequest(
    string? EventId,
    string? UserId,
    string? SessionId,
    string? Kind,
    string? Sku,
    string? Query,
    int? Quantity,
    decimal? Price,
    string? Timestamp,
    string? RecommendationId);

/// <summary>The answer to an accepted batch.</summary>
public sealed record IngestResponse(int Accepted, int Duplicates);
