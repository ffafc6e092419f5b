namespace EcomOrleans.Silo.Ingestion;

/// <summary>A refused batch: why, and every problem under its field path (<c>events[3].sku</c>).</summary>
public sealed record BatchRejection(IngestRejection Reason, Dictionary<string, string[]> Errors);
