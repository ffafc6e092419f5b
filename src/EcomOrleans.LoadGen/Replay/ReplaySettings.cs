namespace EcomOrleans.LoadGen.Replay;

/// <summary>How fast and how wide a replay sends.</summary>
/// <param name="BatchSize">Events per <c>POST /api/events</c>, 1-500. Default 100.</param>
/// <param name="Concurrency">Parallel senders, each with its own connection. Default 8.</param>
/// <param name="EventsPerSecond">Target event rate across all senders; 0 sends as fast as the engine takes them.</param>
public sealed record ReplaySettings(int BatchSize = 100, int Concurrency = 8, double EventsPerSecond = 0);
