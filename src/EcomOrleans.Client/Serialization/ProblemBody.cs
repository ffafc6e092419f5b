namespace EcomOrleans.Client.Serialization;

/// <summary>The RFC 7807 problem body the engine answers a failure with; every member is optional, others are ignored.</summary>
internal sealed record ProblemBody(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    Dictionary<string, string[]>? Errors,
    string? TraceId);
