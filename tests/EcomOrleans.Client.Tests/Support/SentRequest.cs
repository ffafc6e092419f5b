namespace EcomOrleans.Client.Tests.Support;

/// <summary>One request as the fake engine received it.</summary>
/// <param name="PathAndQuery">As sent on the wire, escaped.</param>
/// <param name="ContentType">The body's full Content-Type header, null without a body.</param>
internal sealed record SentRequest(HttpMethod Method, string PathAndQuery, string? ApiKey, string? ContentType, string? Body);
