using System.Text.Json.Serialization;

namespace EcomOrleans.Client.Serialization;

/// <summary>The RFC 7807 problem body the engine answers a failure with; every member is optional.</summary>
internal sealed record ProblemBody(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    Dictionary<string, string[]>? Errors,
    string? TraceId)
{
    /// <summary>Members the engine does not send today; kept so that reading never fails on them.</summary>
    [JsonExtensionData]
    public Dictionary<string, object>? Extensions { get; init; }
}
