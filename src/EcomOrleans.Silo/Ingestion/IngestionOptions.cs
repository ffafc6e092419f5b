namespace EcomOrleans.Silo.Ingestion;

/// <summary>Limits on what <c>POST /api/events</c> accepts (configuration section <c>Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Most events in one request. Default 500.</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>How far ahead of the server clock a timestamp may be. Default 5 minutes.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old an event may be. Default 365 days.</summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(365);

    internal IEnumerable<string> Validate()
    {
        if (MaxBatchSize is < 1 or > 10_000) yield return $"{SectionName}:MaxBatchSize must be between 1 and 10000 (was {MaxBatchSize}).";
        if (MaxFutureSkew < TimeSpan.Zero) yield return $"{SectionName}:MaxFutureSkew must not be negative (was {MaxFutureSkew}).";
        if (MaxEventAge <= TimeSpan.Zero) yield return $"{SectionName}:MaxEventAge must be positive (was {MaxEventAge}).";
    }
}
