using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Grains.Skus;

/// <summary>When SKU grains refresh their demand forecasts, and from how much history (configuration section <c>Grains:Forecasts</c>).</summary>
public sealed class ForecastOptions
{
    public const string SectionName = "Grains:Forecasts";

    /// <summary>What refreshes forecasts besides requests. Default <see cref="ForecastSchedule.Timer"/>.</summary>
    public ForecastSchedule Schedule { get; set; } = ForecastSchedule.Timer;

    /// <summary>
    /// How old a forecast may get before it is remade; a forecast made before today (UTC) is always remade, so each day
    /// is scored against a forecast made before it. Default 6 hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often the timer of an active SKU asks whether its forecast is due. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Days of history before the demand model is used (its window: 56); fewer fall back to a baseline. Default 56; at
    /// least 14, the seasonal smoothing the model is blended with.
    /// </summary>
    [Range(14, 1000, ErrorMessage = OptionsMessages.Between)]
    public int ModelMinimumDays { get; set; } = 56;

    /// <summary>Days forecast by the baselines (the model's horizon is its own: 14). Default 14.</summary>
    [Range(1, 56, ErrorMessage = OptionsMessages.Between)]
    public int Horizon { get; set; } = 14;

    /// <summary>Scored days kept beside the forecast for <c>GET .../demand</c>. Default 56.</summary>
    [Range(1, 366, ErrorMessage = OptionsMessages.Between)]
    public int ScoredDaysKept { get; set; } = 56;
}
