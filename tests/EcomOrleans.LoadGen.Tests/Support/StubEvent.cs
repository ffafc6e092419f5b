namespace EcomOrleans.LoadGen.Tests.Support;

/// <summary>One event as the stub engine received it.</summary>
internal sealed record StubEvent(string EventId, string UserId);
