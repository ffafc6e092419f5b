namespace EcomOrleans.Silo.Ingestion;

/// <summary>Why <c>POST /api/events</c> refused a batch; the metric tag of each is <see cref="IngestionInstruments.ReasonOf"/>.</summary>
public enum IngestRejection
{
    /// <summary>An event broke a rule (a field is missing or out of range); 400.</summary>
    Invalid,

    /// <summary>The body or the batch is larger than allowed; 413 or 400.</summary>
    Oversized,

    /// <summary>The body is not JSON of an event batch; 400.</summary>
    Malformed,

    /// <summary>The cluster or its storage did not take the batch; 503.</summary>
    Unavailable,
}
