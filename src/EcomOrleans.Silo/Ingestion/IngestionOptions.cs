using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Silo.Ingestion;

/// <summary>Limits on what <c>POST /api/events</c> accepts (configuration section <c>Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Most events in one request. Default 500.</summary>
    [Range(1, 10_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>How far ahead of the server clock a timestamp may be. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old an event may be. Default 365 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(365);
}
