namespace EcomOrleans.Client.Models;

/// <summary>The 202 answer of <c>POST /api/events</c>, sent once every event of the batch is durable.</summary>
/// <param name="Accepted">Events recorded for the first time.</param>
/// <param name="Duplicates">Events whose id the engine had already recorded (a resend).</param>
public sealed record IngestResponse(int Accepted, int Duplicates);
