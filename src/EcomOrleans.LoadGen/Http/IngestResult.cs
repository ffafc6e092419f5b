namespace EcomOrleans.LoadGen.Http;

/// <summary>The 202 answer of <c>POST /api/events</c>.</summary>
public sealed record IngestResult(int Accepted, int Duplicates);
